using System.Globalization;

namespace ErpSimulator.Data;

/// <summary>
/// Builds the whole data set from one <see cref="Random"/> seeded with <c>Simulator:Seed</c>. Every draw happens in a
/// fixed order and nothing depends on hashing or the clock, so the same seed gives the same data on every run.
/// </summary>
internal static class DataSetGenerator
{
    public static SeedData Generate(int seed, int skuCount, int customerCount)
    {
        var random = new Random(seed);
        var items = new SimItem[skuCount];
        var stock = new SimStock[skuCount];
        var listPrices = new SimListPrice[skuCount];
        for (var i = 0; i < skuCount; i++)
        {
            var sku = (DataSetKeys.FirstSku + i).ToString(CultureInfo.InvariantCulture);
            items[i] = Item(random, sku);
            stock[i] = Stock(random, sku, items[i].Unit.PackSize);
            listPrices[i] = ListPrice(random, sku, items[i].Unit.PackSize);
        }

        var promotions = Promotions(random, listPrices);
        var customers = new SimCustomer[customerCount];
        var contracts = new Dictionary<string, SimContractPrice>[customerCount];
        var skuOrder = Enumerable.Range(0, skuCount).ToArray();
        for (var c = 0; c < customerCount; c++)
        {
            customers[c] = CustomerGenerator.Customer(random, (DataSetKeys.FirstCustomer + c).ToString(CultureInfo.InvariantCulture));
            contracts[c] = Contracts(random, customers[c], items, listPrices, skuOrder);
        }

        return new SeedData(items, stock, listPrices, promotions, customers, contracts);
    }

    private static SimItem Item(Random random, string sku)
    {
        var category = random.Next(Vocabulary.Categories.Length);
        var noun = Pick(random, Vocabulary.Nouns[category]);
        var brand = Pick(random, Vocabulary.Brands);
        var size = Pick(random, Vocabulary.Sizes);
        var material = Pick(random, Vocabulary.Materials);
        var use = Pick(random, Vocabulary.Uses);
        var unit = random.NextDouble() switch
        {
            < 0.55 => new SimUnit(UnitKind.Each, 1),
            < 0.70 => new SimUnit(UnitKind.Box, 12),
            < 0.78 => new SimUnit(UnitKind.Box, 6),
            < 0.85 => new SimUnit(UnitKind.Box, 50),
            < 0.95 => new SimUnit(UnitKind.Case, 24),
            _ => new SimUnit(UnitKind.Case, 48),
        };
        var status = random.NextDouble() switch
        {
            < 0.92 => ItemStatus.Active,
            < 0.97 => ItemStatus.Discontinued,
            _ => ItemStatus.Blocked,
        };
        var name = $"{brand} {noun} {size}";
        var description = $"{name}, {material}, for {use}. Sold by {unit.LegacyCode}.";
        var updatedAt = DataSetKeys.Epoch.AddSeconds(random.Next(0, 365 * 24 * 3600));
        return new SimItem(sku, name, description, Vocabulary.Categories[category], unit, status, 1, updatedAt);
    }

    private static SimStock Stock(Random random, string sku, int packSize)
    {
        var levels = new SimStockLevel[Warehouses.All.Count];
        for (var w = 0; w < levels.Length; w++)
        {
            var safetyStock = random.Next(5, 151);
            var onHand = random.NextDouble() switch
            {
                < 0.06 => 0,
                < 0.18 => random.Next(0, safetyStock), // below safety stock: nothing to promise from here
                _ => random.Next(safetyStock, 3001) / packSize * packSize,
            };
            var reserved = random.Next(0, (onHand / 3) + 1);
            levels[w] = new SimStockLevel(Warehouses.All[w], onHand, reserved, safetyStock);
        }

        return new SimStock(sku, levels, 1, DataSetKeys.Epoch);
    }

    private static SimListPrice ListPrice(Random random, string sku, int packSize)
    {
        // Log-uniform between 10 cents and 400 dollars per each: many cheap parts, a few expensive ones.
        var basePrice = Cents(Math.Exp(Math.Log(0.10) + (random.NextDouble() * (Math.Log(400) - Math.Log(0.10)))));
        var usd = random.NextDouble() < 0.8
            ? Breaks(basePrice, [(10 * packSize, 0.95m), (50 * packSize, 0.90m)])
            : Breaks(basePrice, []);
        return new SimListPrice(sku, usd, [.. usd.Select(b => b with { UnitPrice = Currencies.ToCad(b.UnitPrice) })], 1);
    }

    private static SimPromotion?[] Promotions(Random random, SimListPrice[] listPrices)
    {
        var promotions = new SimPromotion?[listPrices.Length];
        var count = Math.Min(listPrices.Length, Math.Max(1, listPrices.Length * 3 / 100));
        foreach (var index in Distinct(random, Enumerable.Range(0, listPrices.Length).ToArray(), count))
        {
            var price = Math.Max(0.01m, Math.Round(listPrices[index].Usd[0].UnitPrice * (decimal)(0.65 + (random.NextDouble() * 0.25)), 2));
            var month = random.Next(1, 13);
            var (from, to) = random.NextDouble() switch
            {
                < 0.6 => (new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31)),
                < 0.8 => (new DateOnly(2024, month, 1), new DateOnly(2024, month, 1).AddDays(random.Next(14, 61))),
                _ => (new DateOnly(2031, month, 1), new DateOnly(2031, 12, 31)),
            };
            promotions[index] = new SimPromotion(listPrices[index].Sku, price, Currencies.ToCad(price), from, to);
        }

        return promotions;
    }

    private static Dictionary<string, SimContractPrice> Contracts(
        Random random, SimCustomer customer, SimItem[] items, SimListPrice[] listPrices, int[] skuOrder)
    {
        var count = Math.Min(items.Length, random.Next(40, 121));
        var contracts = new Dictionary<string, SimContractPrice>(count, StringComparer.Ordinal);
        foreach (var index in Distinct(random, skuOrder, count))
        {
            var list = listPrices[index].In(customer.Currency)!;
            var price = Math.Max(0.01m, Math.Round(list[0].UnitPrice * (decimal)(0.70 + (random.NextDouble() * 0.22)), 2));
            var pack = items[index].Unit.PackSize;
            var breaks = random.NextDouble() switch
            {
                < 0.35 => Breaks(price, []),
                < 0.70 => Breaks(price, [(10 * pack, 0.96m)]),
                _ => Breaks(price, [(10 * pack, 0.96m), (50 * pack, 0.92m)]),
            };
            contracts[items[index].Sku] = new SimContractPrice(customer.CustomerId, items[index].Sku, customer.Currency, breaks, 1);
        }

        return contracts;
    }

    /// <summary>A break from 1 at <paramref name="first"/>, then each (quantity, factor) strictly cheaper; breaks that would round to the same price are dropped.</summary>
    internal static SimPriceBreak[] Breaks(decimal first, (int MinQuantity, decimal Factor)[] more)
    {
        var breaks = new List<SimPriceBreak> { new(1, first) };
        foreach (var (minQuantity, factor) in more)
        {
            var price = Math.Min(Math.Round(first * factor, 2), breaks[^1].UnitPrice - 0.01m);
            if (price >= 0.01m && minQuantity > breaks[^1].MinQuantity)
            {
                breaks.Add(new SimPriceBreak(minQuantity, price));
            }
        }

        return [.. breaks];
    }

    /// <summary><paramref name="count"/> distinct entries of <paramref name="pool"/> by a partial Fisher-Yates shuffle (the pool stays a permutation).</summary>
    internal static int[] Distinct(Random random, int[] pool, int count)
    {
        var chosen = new int[count];
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
            chosen[i] = pool[i];
        }

        Array.Sort(chosen);
        return chosen;
    }

    internal static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static decimal Cents(double value) => Math.Max(0.01m, Math.Round((decimal)value, 2));
}
