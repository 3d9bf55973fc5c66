using Gateway.Erp.Redis;
using Gateway.Events;
using Gateway.Orders.Exceptions;
using Gateway.Orders.HandOff;
using Gateway.Orders.Intake;
using Gateway.Orders.Status;
using Gateway.Orders.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Orders;

/// <summary>
/// Order orchestration: idempotent intake, durable hand-off to the ERP, status feedback, the exception queue. Its routes:
/// <c>/v1/orders</c> in the canonical API's v1 group (<see cref="OrderEndpoints"/>), the exception queue in the admin API
/// (<see cref="ExceptionEndpoints"/>).
/// </summary>
public static class OrderOrchestrationSetup
{
    /// <summary>
    /// Stores orders in Redis (<c>ConnectionStrings:Redis</c>: hashes, an idempotency key per request, a stream read by a
    /// consumer group) or, without it, in memory with a loud warning; runs the hand-off workers and the status poller.
    /// </summary>
    public static IHostApplicationBuilder AddOrderOrchestration(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OrdersOptions>().BindConfiguration(OrdersOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<OrdersOptions>, OrdersOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);

        var redis = builder.Configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton(sp =>
            {
                // Made at start-up (the hand-off worker needs it): the warning the contract asks for, once.
                Log.InMemory(sp.GetRequiredService<ILogger<MemoryOrderStore>>());
                return ActivatorUtilities.CreateInstance<MemoryOrderStore>(sp);
            });
            services.AddSingleton<IOrderStore>(sp => sp.GetRequiredService<MemoryOrderStore>());
            services.AddSingleton<IHandOffQueue>(sp => sp.GetRequiredService<MemoryOrderStore>());
            services.AddSingleton<IOpenOrders>(sp => sp.GetRequiredService<MemoryOrderStore>());
        }
        else
        {
            services.AddRedisConnection(builder.Configuration);
            services.AddSingleton<OrdersRedis>();
            services.AddSingleton<IOrderStore, RedisOrderStore>();
            services.AddSingleton<IHandOffQueue, RedisHandOffQueue>();
            services.AddSingleton<IOpenOrders, RedisOpenOrders>();
        }

        services.AddSingleton<OrderWriter>();
        services.AddSingleton<OrderValidation>();
        services.AddSingleton<OrderIntake>();
        services.AddSingleton<Returns.ReturnProgress>();
        services.AddSingleton<Returns.ReturnIntake>();
        services.AddSingleton<Documents.OrderDocumentReads>();
        services.AddSingleton<OrderHandOff>();
        services.AddSingleton<OrderStatusFeed>();
        services.AddSingleton<ExceptionQueue>();
        services.AddHostedService<OrderHandOffWorker>();
        services.AddHostedService<OrderStatusPoller>();
        services.AddSingleton<OrderChangeListener>();
        services.AddSingleton<IChangeObserver>(sp => sp.GetRequiredService<OrderChangeListener>());
        services.AddHostedService(sp => sp.GetRequiredService<OrderChangeListener>());
        return builder;
    }
}
