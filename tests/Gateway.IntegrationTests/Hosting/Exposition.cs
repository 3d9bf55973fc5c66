namespace Gateway.IntegrationTests.Hosting;

/// <summary>Reading the Prometheus text format that <c>/metrics</c> answers.</summary>
internal static class Exposition
{
    /// <summary>The sample lines of one metric, each with its labels.</summary>
    public static IEnumerable<string> Series(string exposition, string metric) =>
        exposition.Split('\n').Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal));

    /// <summary>The sample's value: what follows its labels.</summary>
    public static double Value(string series) =>
        double.Parse(series[(series.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="series"/> carries <paramref name="label"/> with <paramref name="value"/>.</summary>
    public static bool Has(this string series, string label, string value) => series.Contains($"{label}=\"{value}\"", StringComparison.Ordinal);
}
