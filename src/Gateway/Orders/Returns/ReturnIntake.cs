using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gateway.CanonicalApi.Validation;
using Gateway.Core;
using Gateway.Core.Customers;
using Gateway.Core.Erp;
using Gateway.Core.Orders;
using Gateway.Edge.Scoping;
using Gateway.Orders.Documents;
using Gateway.Orders.Intake;
using Gateway.Orders.Storage;
using Microsoft.Extensions.Options;

namespace Gateway.Orders.Returns;

/// <summary>How a return request ended.</summary>
internal enum ReturnResult
{
    Requested,
    Invalid,
    OrderNotFound,
    KeyReused,
    KeyBusy,
}

internal sealed record ReturnOutcome(ReturnResult Result, ReturnAuthorisation? Return = null, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>
/// Return intake, synchronous by design: the lines are checked against what the ERP shipped, so the ERP is asked anyway,
/// and the ERP's own record is the durable one. The idempotency key (caller + the order's customer + key, apart from
/// order keys) is claimed first; the return's id, and so the ERP's external reference, is derived from that scoped key,
/// so a retry after a lost answer (or after this instance died between the ERP's answer and the key's) books nothing
/// twice, and a return is either in the ERP or not at all. A refusal, or an ERP that cannot answer, frees the key.
/// </summary>
internal sealed class ReturnIntake(
    IOrderStore store,
    IOrderDocumentSource documents,
    IReturnSink erp,
    ICustomerSource customers,
    ReturnProgress progress,
    TimeProvider time,
    IOptions<OrdersOptions> options,
    ILogger<ReturnIntake> logger)
{
    public const int MaxLines = 100;
    public const int MaxReasonLength = 500;
    static readonly TimeSpan RepeatPollInterval = TimeSpan.FromMilliseconds(50);

    public async Task<ReturnOutcome> RequestAsync(string callerId, string key, ReturnRequestBody body, Func<string, bool> callerActsFor, CancellationToken cancellationToken)
    {
        if (Shape(body) is { Count: > 0 } shapeErrors)
        {
            return new ReturnOutcome(ReturnResult.Invalid, Errors: shapeErrors);
        }

        if (await store.GetAsync(body.OrderId!, cancellationToken) is not { } stored || !callerActsFor(stored.Order.CustomerId))
        {
            return new ReturnOutcome(ReturnResult.OrderNotFound);
        }

        var order = stored.Order;
        var scopedKey = ScopeKey.Digest(callerId, order.CustomerId, "return", key);
        var hash = Hash(body);
        var waitUntil = time.GetUtcNow() + options.Value.IdempotencyInFlightTimeout;
        while (true)
        {
            var claim = await store.ClaimKeyAsync(scopedKey, hash, cancellationToken);
            switch (claim.Outcome)
            {
                case KeyClaimOutcome.Replay:
                    return new ReturnOutcome(ReturnResult.Requested, OrderJson.Read<ReturnAuthorisation>(claim.Answer!.Body));
                case KeyClaimOutcome.Conflict:
                    return new ReturnOutcome(ReturnResult.KeyReused);
                case KeyClaimOutcome.InFlight when time.GetUtcNow() < waitUntil:
                    await Task.Delay(RepeatPollInterval, time, cancellationToken);
                    continue;
                case KeyClaimOutcome.InFlight:
                    return new ReturnOutcome(ReturnResult.KeyBusy);
            }

            var answered = false;
            try
            {
                var outcome = await RequestClaimedAsync(order, scopedKey, hash, body, cancellationToken);
                if (outcome.Result != ReturnResult.Requested)
                {
                    return outcome;
                }

                // Followed before the key is answered: a return the caller was told of is one whose changes are announced.
                await progress.ObserveAsync(order.OrderId, outcome.Return!, cancellationToken);
                var answer = new StoredAnswer(hash, StatusCodes.Status201Created, ReturnEndpoints.Location(outcome.Return!.ReturnId), OrderJson.Write(outcome.Return));
                answered = await store.AnswerKeyAsync(scopedKey, claim.Token!, answer, cancellationToken);
                if (answered)
                {
                    Log.ReturnRequested(logger, outcome.Return.ReturnId, order.OrderId, outcome.Return.Lines.Count);
                    return outcome;
                }

                // Our claim lapsed while the ERP answered and another call took the key: ask again what it holds.
            }
            finally
            {
                if (!answered)
                {
                    await store.ReleaseKeyAsync(scopedKey, claim.Token!, CancellationToken.None);
                }
            }
        }
    }

    async Task<ReturnOutcome> RequestClaimedAsync(Order order, string scopedKey, string hash, ReturnRequestBody body, CancellationToken cancellationToken)
    {
        var parcels = order.ErpOrderNumber is { } number ? await documents.GetShipmentsAsync(number, cancellationToken) : [];
        if (AgainstShipped(order, body, parcels) is { Count: > 0 } errors)
        {
            return new ReturnOutcome(ReturnResult.Invalid, Errors: errors);
        }

        var lines = body.Lines!.Select(l => new ItemQuantity(l!.Sku!.Trim(), l.Quantity!.Value)).ToList();
        var returnId = DocumentIds.Return(order.OrderId, scopedKey);
        ErpReturn booked;
        try
        {
            booked = await erp.RequestAsync(new ReturnRequest(returnId, order.ErpOrderNumber!, lines, Blank(body.Reason)), cancellationToken);
        }
        catch (ErpRejectedException)
        {
            // The gateway checked the lines against what was shipped; the ERP also counts what earlier returns take back.
            return new ReturnOutcome(ReturnResult.Invalid, Errors: new FieldErrors
            {
                ["lines"] = ["The ERP refused these lines: together with earlier returns of this order they exceed what was shipped."],
            });
        }

        // A return booked earlier under this key (its answer lost) with other lines: the key was used for another return.
        if (!booked.Created && !SameLines(booked.Lines, lines))
        {
            return new ReturnOutcome(ReturnResult.KeyReused);
        }

        return new ReturnOutcome(ReturnResult.Requested, await ViewAsync(order, returnId, booked, cancellationToken));
    }

    /// <summary>The canonical return: ids of ours, the customer's currency, checked to be the order's customer's.</summary>
    public async Task<ReturnAuthorisation?> ViewAsync(Order order, string returnId, ErpReturn booked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(booked);
        if (booked.CustomerId != order.CustomerId)
        {
            return null;
        }

        var currency = (await customers.GetCustomersAsync([order.CustomerId], cancellationToken)) is [var customer, ..] ? customer.Currency : "";
        return new ReturnAuthorisation(
            returnId, order.OrderId, order.CustomerId, booked.Lines, booked.Reason, booked.Status, booked.RejectReason,
            booked.CreditNoteNumber, booked.CreditAmount, currency, booked.CreatedAt, booked.StatusChangedAt);
    }

    /// <summary>What can be said of the body alone: the order named, 1 to 100 lines each with a SKU and a quantity, a short reason.</summary>
    static FieldErrors Shape(ReturnRequestBody body)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(body.OrderId))
        {
            errors.Add("orderId", "Required: the order whose shipped lines are returned.");
        }

        if (body.Lines is not { Count: > 0 } lines)
        {
            errors.Add("lines", "At least one line is required.");
            return errors;
        }

        if (lines.Count > MaxLines)
        {
            errors.Add("lines", $"At most {MaxLines} lines per return.");
            return errors;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var at = "lines[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (lines[i] is not { } line)
            {
                errors.Add(at, "A line must be an object with sku and quantity.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(line.Sku) || line.Sku.Length > BatchKeys.MaxKeyLength)
            {
                errors.Add(at + ".sku", "Required: a SKU of the order.");
            }

            if (line.Quantity is not { } quantity || LineBounds.QuantityProblem(quantity) is not null)
            {
                errors.Add(at + ".quantity", "Must be a whole number of eaches from 1 to 1000000.");
            }
        }

        if (body.Reason is { Length: > MaxReasonLength })
        {
            errors.Add("reason", $"At most {MaxReasonLength} characters.");
        }

        return errors;
    }

    /// <summary>Each line must be of a SKU the order shipped, and a SKU's lines together no more than was shipped of it.</summary>
    static FieldErrors AgainstShipped(Order order, ReturnRequestBody body, IReadOnlyList<ErpShipment> parcels)
    {
        var shipped = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in parcels.SelectMany(p => p.Lines))
        {
            shipped[line.Sku] = shipped.GetValueOrDefault(line.Sku) + line.Quantity;
        }

        var errors = new FieldErrors();
        var asked = new Dictionary<string, long>(StringComparer.Ordinal);
        var lines = body.Lines!;
        for (var i = 0; i < lines.Count; i++)
        {
            var at = "lines[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var sku = lines[i]!.Sku!.Trim();
            if (!shipped.TryGetValue(sku, out var quantity))
            {
                errors.Add(at + ".sku", order.Lines.Any(l => l.Sku == sku)
                    ? $"SKU {sku} of order {order.OrderId} has not shipped yet."
                    : $"SKU {sku} is not a line of order {order.OrderId}.");
                continue;
            }

            asked[sku] = asked.GetValueOrDefault(sku) + lines[i]!.Quantity!.Value;
            if (asked[sku] > quantity)
            {
                errors.Add(at + ".quantity", string.Create(CultureInfo.InvariantCulture, $"{quantity} of SKU {sku} were shipped: no more may be returned."));
            }
        }

        return errors;
    }

    static bool SameLines(IReadOnlyList<ItemQuantity> booked, IReadOnlyList<ItemQuantity> asked) => booked.SequenceEqual(asked);

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The fingerprint of the parsed request (as an order's: whitespace and property order make no difference).</summary>
    static string Hash(ReturnRequestBody body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(OrderJson.Write(body))));
}
