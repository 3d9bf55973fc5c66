using Gateway.Core.Inventory;
using GraphQL.Types;

namespace Gateway.GraphQL.Schema;

internal sealed class AvailabilityType : ObjectGraphType<StockLevel>
{
    public AvailabilityType()
    {
        Name = "Availability";
        Description = "What can be promised for a SKU: per warehouse max(0, onHand - reserved - safetyStock), summed.";
        Field(s => s.Sku, type: typeof(NonNullGraphType<IdGraphType>));
        Field(s => s.AvailableToPromise);
        Field(s => s.OnHand);
        Field(s => s.Reserved);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WarehouseStockType>>>>("warehouses").Resolve(c => c.Source.Warehouses);
        Field(s => s.Version).Description("Grows with every stock change of the SKU in the ERP.");
        Field(s => s.AsOf);
    }
}

internal sealed class WarehouseStockType : ObjectGraphType<WarehouseStock>
{
    public WarehouseStockType()
    {
        Name = "WarehouseStock";
        Description = "Stock of one SKU in one warehouse.";
        Field(w => w.WarehouseId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(w => w.OnHand);
        Field(w => w.Reserved);
        Field(w => w.SafetyStock);
        Field(w => w.AvailableToPromise).Description("Never negative: a warehouse below its safety stock promises nothing.");
    }
}
