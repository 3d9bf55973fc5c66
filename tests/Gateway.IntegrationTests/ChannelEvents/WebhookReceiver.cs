using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.ChannelEvents;

/// <summary>
/// A channel's webhook receiver: a real Kestrel app on a loopback port, one path per endpoint (<see cref="UrlFor"/>).
/// Each delivery is kept with its headers and body and what it was answered; an endpoint answers 200 unless told to
/// fail (<see cref="Fail"/>) or to hold its requests until the gateway gives up on them (<see cref="Hang"/>).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly ConcurrentQueue<ReceivedDelivery> _deliveries = new();
    readonly ConcurrentDictionary<string, Behaviour> _behaviours = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);

    WebhookReceiver(WebApplication app) => _app = app;

    public enum Behaviour
    {
        Answer200,
        Answer500,
        Hang,
    }

    Uri Base { get; set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/{name}", receiver.ReceiveAsync);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        receiver.Base = new Uri(addresses.Addresses.First().TrimEnd('/') + "/");
        return receiver;
    }

    public string UrlFor(string name) => new Uri(Base, "hooks/" + name).ToString();

    public void Answer(string name) => _behaviours[name] = Behaviour.Answer200;

    public void Fail(string name) => _behaviours[name] = Behaviour.Answer500;

    public void Hang(string name) => _behaviours[name] = Behaviour.Hang;

    /// <summary>Every request to <paramref name="name"/>, in arrival order (held ones included, as <c>Status</c> 0).</summary>
    public IReadOnlyList<ReceivedDelivery> All(string name) => [.. _deliveries.Where(d => d.Name == name)];

    /// <summary>The requests to <paramref name="name"/> that were answered 200, in order.</summary>
    public IReadOnlyList<ReceivedDelivery> Delivered(string name) => [.. All(name).Where(d => d.Status == 200)];

    /// <summary>Requests to <paramref name="name"/> being held now.</summary>
    public int Holding(string name) => _inFlight.GetValueOrDefault(name);

    async Task<IResult> ReceiveAsync(string name, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var behaviour = _behaviours.GetValueOrDefault(name, Behaviour.Answer200);
        var status = behaviour switch
        {
            Behaviour.Answer500 => 500,
            Behaviour.Hang => 0,
            _ => 200,
        };
        _deliveries.Enqueue(new ReceivedDelivery(name, request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(),
            request.Headers["webhook-signature"].ToString(), body, status));
        if (behaviour == Behaviour.Hang)
        {
            _inFlight.AddOrUpdate(name, 1, (_, n) => n + 1);
            try
            {
                // Held until the gateway gives up (its timeout) or goes away.
                await Task.Delay(Timeout.Infinite, request.HttpContext.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                _inFlight.AddOrUpdate(name, 0, (_, n) => n - 1);
            }

            return Results.Empty;
        }

        return Results.StatusCode(status);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}

/// <summary>One request a receiver got: the Standard Webhooks headers, the body, and the status it answered (0: held).</summary>
public sealed record ReceivedDelivery(string Name, string WebhookId, string Timestamp, string Signature, string Body, int Status)
{
    public JsonElement Event => JsonDocument.Parse(Body).RootElement;

    public string Type => Event.GetProperty("type").GetString()!;

    public JsonElement Data => Event.GetProperty("data");

    /// <summary>Whether one of the signatures is the contract's HMAC-SHA256 of <c>id.timestamp.body</c> under <paramref name="secret"/>, checked as a receiver would.</summary>
    public bool IsSignedWith(string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{WebhookId}.{Timestamp}.{Body}")));
        return Signature.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(expected)))
            && long.TryParse(Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }
}
