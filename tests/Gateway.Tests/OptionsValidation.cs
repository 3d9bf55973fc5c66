using System.ComponentModel.DataAnnotations;

namespace Gateway.Tests;

/// <summary>What <c>ValidateDataAnnotations()</c> checks at start-up: every property's attributes, then <see cref="IValidatableObject"/>.</summary>
internal static class OptionsValidation
{
    public static List<ValidationResult> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
