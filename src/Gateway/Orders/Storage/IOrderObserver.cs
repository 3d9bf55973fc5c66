namespace Gateway.Orders.Storage;

/// <summary>
/// Hears of every saved change of an order, once, on the instance that saved it: the acceptance (<c>before</c> null)
/// and each later write (<see cref="OrderWriter"/>), of what callers see or of the returns it follows. Called after the
/// write; it must not block (the channel events queue it).
/// </summary>
internal interface IOrderObserver
{
    void OnSaved(OrderRecord? before, OrderRecord after);
}
