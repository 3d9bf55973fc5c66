using System.Diagnostics;
using Gateway.Core.Diagnostics;
using Gateway.Core.Erp;
using Gateway.Erp.Outbound.Budget;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace Gateway.Erp.Outbound;

/// <summary>
/// The one outbound pipeline every call to an ERP goes through, built once per ERP from its options. From the outside in:
/// total timeout → retry (reads; writes a bounded number of times) → circuit breaker → the ERP's budget → attempt timeout
/// → the request. The breaker sits outside the budget so that an open circuit fails at once instead of queueing, and the
/// budget outside the attempt timeout so that waiting for room is bounded by the queue time, not mistaken for a slow ERP.
/// Failures leave as Core's exceptions: <see cref="ErpUnavailableException"/> (with a Retry-After) or <see cref="ErpTimeoutException"/>.
/// </summary>
internal sealed class ErpPipeline
{
    static readonly ResiliencePropertyKey<ErpCall> CallKey = new("gateway.erp.call");

    readonly ResiliencePipeline _pipeline;
    readonly CircuitBreakerStateProvider _circuit = new();
    readonly ILogger _logger;
    readonly TimeProvider _time;
    readonly LogThrottle _refusalLog;
    readonly LogThrottle _failureLog;
    readonly string _erpName;

    public ErpPipeline(ErpSystem erp, ErpConnectionOptions options, IErpBudget budget, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Erp = erp;
        Options = options;
        Budget = budget;
        _time = time;
        _logger = logger;
        _refusalLog = new LogThrottle(time);
        _failureLog = new LogThrottle(time);
        _erpName = erp.TagValue();
        _pipeline = Build(options);
    }

    public ErpSystem Erp { get; }

    public ErpConnectionOptions Options { get; }

    public IErpBudget Budget { get; }

    /// <summary>What this instance saw of the ERP lately, for the operations console.</summary>
    public ErpRecentOutcomes Recent { get; } = new();

    /// <summary>Closed, Open, HalfOpen or Isolated; read by the health check.</summary>
    public CircuitState Circuit => _circuit.CircuitState;

    /// <summary>Runs <paramref name="action"/> (one ERP request) under the ERP's budget, timeouts, retries and breaker.</summary>
    public async Task<T> ExecuteAsync<T>(ErpCall call, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        // The span's name is only built when someone listens; its retries and budget waits are its events.
        using var activity = ErpTelemetry.Source.HasListeners() ? ErpTelemetry.Source.StartActivity("erp " + call.Operation, ActivityKind.Client) : null;
        activity?.SetTag(ErpTelemetry.ErpNameTag, _erpName);
        activity?.SetTag(ErpTelemetry.OperationTag, call.Operation);
        activity?.SetTag(ErpTelemetry.TrafficTag, call.Traffic.TagValue());

        var started = _time.GetTimestamp();
        var context = ResilienceContextPool.Shared.Get(call.Operation, cancellationToken);
        context.Properties.Set(CallKey, call);
        var outcome = "ok";
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    ErpTelemetry.Attempts.Add(1, state.Tags);
                    // Inside the budget: this attempt holds a permit (a legacy session, a cloud token) until it ends.
                    state.Pipeline.Recent.Entered();
                    try
                    {
                        return await state.Action(ctx.CancellationToken);
                    }
                    catch (ErpThrottledException throttled)
                    {
                        state.Pipeline.OnThrottled(throttled);
                        throw;
                    }
                    catch (Exception fault) when (fault is ErpTransientException or ErpContractException)
                    {
                        state.Pipeline.Recent.WasFaulted(state.Pipeline._time.GetUtcNow());
                        ErpTelemetry.FaultsReceived.Add(1, new KeyValuePair<string, object?>(ErpTelemetry.ErpNameTag, state.Pipeline._erpName));
                        throw;
                    }
                    finally
                    {
                        state.Pipeline.Recent.Left();
                    }
                },
                context,
                (Action: action, Pipeline: this, Tags: Tags(call)));
        }
        catch (Exception exception) when (Translate(exception, call, cancellationToken) is { } translated)
        {
            outcome = OutcomeOf(exception);
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
            throw translated;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            outcome = "rejected";
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            activity?.SetTag(ErpTelemetry.OutcomeTag, outcome);
            Recent.Completed(outcome, _time.GetUtcNow());
            var tags = Tags(call);
            tags.Add(ErpTelemetry.OutcomeTag, outcome);
            ErpTelemetry.Calls.Add(1, tags);
            ErpTelemetry.Duration.Record(_time.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    void OnThrottled(ErpThrottledException throttled)
    {
        Recent.WasThrottled(_time.GetUtcNow());
        ErpTelemetry.ThrottledReceived.Add(1, new KeyValuePair<string, object?>(ErpTelemetry.ErpNameTag, _erpName));
        Budget.Pause(throttled.RetryAfter);
        Log.Throttled(_logger, _erpName, throttled.Message, throttled.RetryAfter.TotalMilliseconds);
    }

    Exception? Translate(Exception exception, ErpCall call, CancellationToken cancellationToken)
    {
        Exception? translated = exception switch
        {
            OperationCanceledException when cancellationToken.IsCancellationRequested => null,
            TimeoutRejectedException => new ErpTimeoutException(Erp, exception),
            BrokenCircuitException broken => new ErpUnavailableException(Erp, broken.RetryAfter ?? Options.BreakDuration, "its circuit is open after repeated failures", exception),
            RateLimiterRejectedException rejected => new ErpUnavailableException(Erp, rejected.RetryAfter ?? TimeSpan.FromSeconds(1), "the gateway's share of its capacity is in use", exception),
            ErpThrottledException throttled => new ErpUnavailableException(Erp, throttled.RetryAfter, "it is at capacity", exception),
            ErpTransientException => new ErpUnavailableException(Erp, TimeSpan.FromSeconds(1), "it failed to answer", exception),
            ErpContractException => new ErpUnavailableException(Erp, Options.BreakDuration, "it answered outside its contract", exception),
            _ => null,
        };

        if (translated is not null && exception is RateLimiterRejectedException limited)
        {
            ErpTelemetry.BudgetRejected.Add(1, Tags(call));
            if (_refusalLog.ShouldLog(out var leftOut))
            {
                Log.BudgetRejected(_logger, _erpName, call.Operation, call.Traffic.TagValue(), (limited.RetryAfter ?? TimeSpan.Zero).TotalMilliseconds, leftOut);
            }
        }
        else if (translated is not null && _failureLog.ShouldLog(out var leftOut))
        {
            Log.CallFailed(_logger, _erpName, call.Operation, OutcomeOf(exception), leftOut, exception);
        }

        return translated;
    }

    static string OutcomeOf(Exception exception) => exception switch
    {
        TimeoutRejectedException => "timeout",
        BrokenCircuitException => "circuit_open",
        RateLimiterRejectedException => "budget_exhausted",
        ErpThrottledException => "throttled",
        ErpContractException => "contract",
        _ => "failed",
    };

    TagList Tags(ErpCall call) => new()
    {
        { ErpTelemetry.ErpNameTag, _erpName },
        { ErpTelemetry.OperationTag, call.Operation },
        { ErpTelemetry.TrafficTag, call.Traffic.TagValue() },
    };

    ResiliencePipeline Build(ErpConnectionOptions options)
    {
        var builder = new ResiliencePipelineBuilder { Name = "erp-" + _erpName, TimeProvider = _time };
        builder.AddTimeout(options.TotalTimeout);
        builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, Math.Max(options.ReadRetries, options.WriteRetries)),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryDelay,
            ShouldHandle = args => ValueTask.FromResult(IsWorthRetrying(args.Outcome.Exception) && args.AttemptNumber < RetriesAllowed(args.Context, options)),
            // The ERP said when it has room again: waiting less would only be refused again.
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is ErpThrottledException throttled ? throttled.RetryAfter : (TimeSpan?)null),
            OnRetry = args =>
            {
                Log.Retrying(_logger, _erpName, args.Context.OperationKey ?? "", args.AttemptNumber + 1, args.Outcome.Exception?.Message ?? "");
                Activity.Current?.AddEvent(new ActivityEvent("erp.retry", tags: new ActivityTagsCollection
                {
                    [ErpTelemetry.AttemptTag] = args.AttemptNumber + 2,
                    [ErpTelemetry.RetryReasonTag] = args.Outcome.Exception is { } failure ? OutcomeOf(failure) : "failed",
                    [ErpTelemetry.RetryDelayTag] = args.RetryDelay.TotalMilliseconds,
                }));
                return default;
            },
        });
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakDuration,
            StateProvider = _circuit,
            // Throttling is the ERP working as designed, not failing: it pauses the budget instead.
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ErpTransientException or TimeoutRejectedException),
            OnOpened = args =>
            {
                Log.CircuitOpened(_logger, _erpName, args.BreakDuration.TotalSeconds);
                return default;
            },
            OnClosed = _ =>
            {
                Log.CircuitClosed(_logger, _erpName);
                return default;
            },
        });
        builder.AddRateLimiter(new RateLimiterStrategyOptions
        {
            // Only the call's own span: the request Activity ASP.NET Core makes for its logs, tracing off, is not recorded.
            RateLimiter = args => Activity.Current is { IsAllDataRequested: true } span && span.Source == ErpTelemetry.Source
                ? AcquireTracedAsync(span, args.Context)
                : Budget.AcquireAsync(args.Context.Properties.GetValue(CallKey, default).Traffic, args.Context.CancellationToken),
        });
        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    /// <summary>The budget's answer, with how long the call waited for it as an event of the call's span.</summary>
    async ValueTask<System.Threading.RateLimiting.RateLimitLease> AcquireTracedAsync(Activity span, ResilienceContext context)
    {
        var started = _time.GetTimestamp();
        var lease = await Budget.AcquireAsync(context.Properties.GetValue(CallKey, default).Traffic, context.CancellationToken);
        span.AddEvent(new ActivityEvent("erp.budget", tags: new ActivityTagsCollection
        {
            [ErpTelemetry.BudgetWaitTag] = _time.GetElapsedTime(started).TotalMilliseconds,
            [ErpTelemetry.BudgetGrantedTag] = lease.IsAcquired,
        }));
        return lease;
    }

    static bool IsWorthRetrying(Exception? exception) =>
        exception is ErpTransientException or ErpThrottledException or TimeoutRejectedException;

    static int RetriesAllowed(ResilienceContext context, ErpConnectionOptions options) =>
        context.Properties.GetValue(CallKey, default).Kind == ErpCallKind.Read ? options.ReadRetries : options.WriteRetries;
}
