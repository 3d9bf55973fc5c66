using System.Globalization;

namespace ErpSimulator.Data;

/// <summary>Generates one customer account: ~3% inactive, ~5% on credit hold, ~20% Canadian (CAD), 1-4 ship-tos.</summary>
internal static class CustomerGenerator
{
    public static SimCustomer Customer(Random random, string customerId)
    {
        var name = $"{DataSetGenerator.Pick(random, Vocabulary.CompanyWords)} {DataSetGenerator.Pick(random, Vocabulary.CompanyKinds)}";
        var status = random.NextDouble() < 0.03 ? CustomerStatus.Inactive : CustomerStatus.Active;
        var credit = random.NextDouble() < 0.05 ? CreditStatus.Hold : CreditStatus.Ok;
        var terms = random.NextDouble() switch
        {
            < 0.50 => PaymentTerms.Net30,
            < 0.70 => PaymentTerms.Net45,
            < 0.85 => PaymentTerms.Net60,
            _ => PaymentTerms.Cod,
        };
        var canadian = random.NextDouble() < 0.20;
        var billTo = Address(random, canadian);
        var shipTos = new SimShipTo[random.Next(1, 5)];
        for (var s = 0; s < shipTos.Length; s++)
        {
            var address = s == 0 ? billTo : Address(random, canadian);
            var id = customerId + "-" + (s + 1).ToString("D2", CultureInfo.InvariantCulture);
            shipTos[s] = new SimShipTo(id, $"{name} - {address.City}", address);
        }

        var updatedAt = DataSetKeys.Epoch.AddSeconds(random.Next(0, 365 * 24 * 3600));
        return new SimCustomer(customerId, name, status, credit, terms, canadian ? Currencies.Cad : Currencies.Usd, billTo, shipTos, 1, updatedAt);
    }

    private static SimAddress Address(Random random, bool canadian)
    {
        var street = $"{random.Next(100, 10000).ToString(CultureInfo.InvariantCulture)} {DataSetGenerator.Pick(random, Vocabulary.Streets)}";
        if (canadian)
        {
            var (city, province, area) = DataSetGenerator.Pick(random, Vocabulary.CaCities);
            var local = string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 10)}{(char)('A' + random.Next(26))}{random.Next(0, 10)}");
            return new SimAddress(street, city, province, area + " " + local, "CA");
        }

        var (usCity, state, prefix) = DataSetGenerator.Pick(random, Vocabulary.UsCities);
        return new SimAddress(street, usCity, state, prefix + random.Next(0, 100).ToString("D2", CultureInfo.InvariantCulture), "US");
    }
}
