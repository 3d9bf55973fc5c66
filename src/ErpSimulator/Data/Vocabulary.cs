namespace ErpSimulator.Data;

/// <summary>The words the generator builds names from. Changing any list changes every seed's data set.</summary>
internal static class Vocabulary
{
    public static readonly string[] Categories =
    [
        "Fasteners", "Electrical", "Plumbing", "Safety", "Tools", "Abrasives",
        "Adhesives", "HVAC", "Lighting", "Janitorial", "Packaging", "Welding",
    ];

    /// <summary>Product nouns per category, in the order of <see cref="Categories"/>.</summary>
    public static readonly string[][] Nouns =
    [
        ["Hex Bolt", "Wood Screw", "Flat Washer", "Lock Nut", "Wedge Anchor", "Machine Screw", "Rivet", "Threaded Rod"],
        ["Wire Connector", "Circuit Breaker", "Junction Box", "Cable Tie", "Extension Cord", "Conduit Fitting", "Toggle Switch"],
        ["Ball Valve", "Copper Elbow", "PVC Coupling", "Pipe Nipple", "Compression Fitting", "Hose Clamp", "Drain Trap"],
        ["Nitrile Glove", "Safety Glasses", "Ear Plug", "Hard Hat", "Hi-Vis Vest", "Dust Mask", "Face Shield"],
        ["Screwdriver Set", "Adjustable Wrench", "Claw Hammer", "Utility Knife", "Tape Measure", "Hex Key Set", "Pliers"],
        ["Sanding Disc", "Cut-Off Wheel", "Flap Disc", "Sanding Belt", "Grinding Wheel", "Abrasive Pad"],
        ["Epoxy Adhesive", "Thread Locker", "Construction Adhesive", "Super Glue", "Silicone Sealant", "Contact Cement"],
        ["Air Filter", "Duct Tape", "Condensate Pump", "Thermostat", "Blower Motor", "Refrigerant Valve"],
        ["LED Bulb", "Work Light", "Fluorescent Tube", "Exit Sign", "Flashlight", "High Bay Fixture"],
        ["Trash Liner", "Paper Towel", "Floor Cleaner", "Mop Head", "Hand Soap", "Disinfectant Wipe"],
        ["Stretch Film", "Packing Tape", "Corrugated Box", "Bubble Wrap", "Poly Bag", "Strapping Band"],
        ["Welding Rod", "MIG Wire", "Welding Helmet", "Tungsten Electrode", "Welding Glove", "Ground Clamp"],
    ];

    public static readonly string[] Brands =
    [
        "Apex", "Ironclad", "Northline", "ProGrade", "Summit", "Titan", "Keystone", "Redwood", "Bluestone", "Vanguard",
    ];

    public static readonly string[] Sizes =
    [
        "1/4in", "3/8in", "1/2in", "3/4in", "1in", "M6", "M8", "M10", "Small", "Medium", "Large", "XL", "12in", "24in",
    ];

    public static readonly string[] Materials =
    [
        "zinc-plated steel", "stainless steel", "brass", "nylon", "aluminum", "heavy-duty polymer", "copper", "fiberglass",
    ];

    public static readonly string[] Uses =
    [
        "general maintenance", "industrial use", "contractor jobs", "facility upkeep", "production lines", "field service",
    ];

    public static readonly string[] CompanyWords =
    [
        "Acme", "Granite", "Harbor", "Pioneer", "Liberty", "Cascade", "Prairie", "Meridian", "Frontier", "Riverside",
        "Lakeshore", "Maple", "Cardinal", "Beacon", "Sterling", "Evergreen", "Highland", "Atlas", "Falcon", "Union",
    ];

    public static readonly string[] CompanyKinds =
    [
        "Industrial Supply", "Mechanical", "Construction", "Facility Services", "Manufacturing", "Electric",
        "Plumbing & Heating", "Fabrication", "Maintenance Co.", "Contractors",
    ];

    public static readonly string[] Streets =
    [
        "Main St", "Industrial Blvd", "Commerce Dr", "Oak Ave", "Elm St", "Park Rd", "Lakeview Dr", "Market St", "Depot Rd",
    ];

    /// <summary>(city, region, postal code prefix) in the United States.</summary>
    public static readonly (string City, string Region, string Postal)[] UsCities =
    [
        ("Dallas", "TX", "752"), ("Houston", "TX", "770"), ("Atlanta", "GA", "303"), ("Chicago", "IL", "606"),
        ("Denver", "CO", "802"), ("Phoenix", "AZ", "850"), ("Memphis", "TN", "381"), ("Charlotte", "NC", "282"),
        ("Columbus", "OH", "432"), ("Kansas City", "MO", "641"),
    ];

    /// <summary>(city, province, postal code forward sortation area) in Canada.</summary>
    public static readonly (string City, string Region, string Postal)[] CaCities =
    [
        ("Toronto", "ON", "M5V"), ("Mississauga", "ON", "L5B"), ("Ottawa", "ON", "K1P"), ("Montreal", "QC", "H3B"),
        ("Calgary", "AB", "T2P"), ("Vancouver", "BC", "V6B"), ("Winnipeg", "MB", "R3C"),
    ];

    public static readonly string[] Carriers = ["UPS", "FedEx", "XPO", "Purolator"];
}
