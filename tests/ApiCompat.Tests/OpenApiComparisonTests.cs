namespace ApiCompat.Tests;

/// <summary>Each rule: a change that must break and a change close to it that must not.</summary>
public sealed class OpenApiComparisonTests
{
    const string Ok = """{ "description": "OK", "content": { "application/json": { "schema": SCHEMA } } }""";

    [Fact]
    public void Compare_PathRemoved_Breaks() =>
        AssertBreak(BreakRules.PathRemoved, "/v1/b",
            Doc(("/v1/a", "get", Op()), ("/v1/b", "get", Op())),
            Doc(("/v1/a", "get", Op())));

    [Fact]
    public void Compare_PathAddedOrParameterRenamed_DoesNotBreak() =>
        AssertNoBreak(
            Doc(("/v1/a/{sku}", "get", Op(parameters: """[{ "name": "sku", "in": "path", "required": true, "schema": { "type": "string" } }]"""))),
            Doc(("/v1/a/{id}", "get", Op(parameters: """[{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }]""")), ("/v1/new", "get", Op())));

    [Fact]
    public void Compare_OperationRemoved_Breaks() =>
        AssertBreak(BreakRules.OperationRemoved, "DELETE /v1/a",
            Doc(("/v1/a", "get", Op()), ("/v1/a", "delete", Op())),
            Doc(("/v1/a", "get", Op())));

    [Fact]
    public void Compare_OperationAdded_DoesNotBreak() =>
        AssertNoBreak(Doc(("/v1/a", "get", Op())), Doc(("/v1/a", "get", Op()), ("/v1/a", "post", Op())));

    [Fact]
    public void Compare_SuccessStatusChanged_Breaks() =>
        AssertBreak(BreakRules.SuccessStatusRemoved, "POST /v1/a 200",
            Doc(("/v1/a", "post", Op())),
            Doc(("/v1/a", "post", Op(status: "201"))));

    [Fact]
    public void Compare_ErrorStatusRemovedOrSuccessAdded_DoesNotBreak() =>
        AssertNoBreak(
            Doc(("/v1/a", "get", Op(extraResponses: """, "404": { "description": "Not Found" }"""))),
            Doc(("/v1/a", "get", Op(extraResponses: """, "202": { "description": "Accepted" }"""))));

    [Fact]
    public void Compare_SuccessMediaTypeRemoved_Breaks() =>
        AssertBreak(BreakRules.ResponseMediaTypeRemoved, "GET /v1/a 200 application/json",
            Doc(("/v1/a", "get", Op())),
            Doc(("/v1/a", "get", """{ "responses": { "200": { "description": "OK", "content": { "text/csv": { "schema": { "type": "string" } } } } } }""")));

    [Fact]
    public void Compare_ResponsePropertyRemoved_BreaksOnceAtItsTop() =>
        AssertBreak(BreakRules.ResponsePropertyRemoved, "GET /v1/a 200 application/json items[].price",
            Doc(("/v1/a", "get", Op(schema: List("""{ "sku": { "type": "string" }, "price": { "type": "object", "properties": { "amount": { "type": "number" } } } }""")))),
            Doc(("/v1/a", "get", Op(schema: List("""{ "sku": { "type": "string" } }""")))));

    [Fact]
    public void Compare_ResponsePropertyAdded_DoesNotBreak() =>
        AssertNoBreak(
            Doc(("/v1/a", "get", Op(schema: List("""{ "sku": { "type": "string" } }""")))),
            Doc(("/v1/a", "get", Op(schema: List("""{ "sku": { "type": "string" }, "uom": { "type": "string" } }""")))));

    [Fact]
    public void Compare_ResponsePropertyRetyped_Breaks() =>
        AssertBreak(BreakRules.ResponsePropertyRetyped, "GET /v1/a 200 application/json items[].price",
            Doc(("/v1/a", "get", Op(schema: List("""{ "price": { "type": "number", "format": "double" } }""")))),
            Doc(("/v1/a", "get", Op(schema: List("""{ "price": { "type": "object", "properties": { "amount": { "type": "number" } } } }""")))));

    [Fact]
    public void Compare_ResponsePropertyMovedBehindReference_DoesNotBreak() =>
        AssertNoBreak(
            Doc(("/v1/a", "get", Op(schema: """{ "type": "object", "properties": { "sku": { "type": "string" } } }"""))),
            Doc(("/v1/a", "get", Op(schema: """{ "$ref": "#/components/schemas/Item" }""")),
                components: """{ "Item": { "type": "object", "properties": { "sku": { "type": "string" } } } }"""));

    [Fact]
    public void Compare_RecursiveSchema_Terminates() =>
        AssertNoBreak(
            Doc(("/v1/a", "get", Op(schema: """{ "$ref": "#/components/schemas/Node" }""")), components: Node),
            Doc(("/v1/a", "get", Op(schema: """{ "$ref": "#/components/schemas/Node" }""")), components: Node));

    [Fact]
    public void Compare_NewRequiredParameter_Breaks() =>
        AssertBreak(BreakRules.RequestParameterRequired, "GET /v1/a query:customerId",
            Doc(("/v1/a", "get", Op())),
            Doc(("/v1/a", "get", Op(parameters: """[{ "name": "customerId", "in": "query", "required": true, "schema": { "type": "string" } }]"""))));

    [Fact]
    public void Compare_NewOptionalParameter_DoesNotBreak() =>
        AssertNoBreak(
            Doc(("/v1/a", "get", Op())),
            Doc(("/v1/a", "get", Op(parameters: """[{ "name": "customerId", "in": "query", "schema": { "type": "string" } }]"""))));

    [Fact]
    public void Compare_OptionalHeaderBecameRequired_Breaks() =>
        AssertBreak(BreakRules.RequestParameterRequired, "POST /v1/a header:idempotency-key",
            Doc(("/v1/a", "post", Op(parameters: """[{ "name": "Idempotency-Key", "in": "header", "schema": { "type": "string" } }]"""))),
            Doc(("/v1/a", "post", Op(parameters: """[{ "name": "idempotency-key", "in": "header", "required": true, "schema": { "type": "string" } }]"""))));

    [Fact]
    public void Compare_ParameterRetyped_Breaks() =>
        AssertBreak(BreakRules.RequestParameterRetyped, "GET /v1/a query:quantity",
            Doc(("/v1/a", "get", Op(parameters: """[{ "name": "quantity", "in": "query", "schema": { "type": "integer", "format": "int32" } }]"""))),
            Doc(("/v1/a", "get", Op(parameters: """[{ "name": "quantity", "in": "query", "schema": { "type": "string" } }]"""))));

    [Fact]
    public void Compare_NewRequiredRequestProperty_Breaks() =>
        AssertBreak(BreakRules.RequestPropertyRequired, "POST /v1/a body application/json lines[].uom",
            Doc(("/v1/a", "post", Op(body: Body(OrderLines("""{ "sku": { "type": "string" } }""", "\"sku\""))))),
            Doc(("/v1/a", "post", Op(body: Body(OrderLines("""{ "sku": { "type": "string" }, "uom": { "type": "string" } }""", "\"sku\", \"uom\""))))));

    [Fact]
    public void Compare_NewOptionalRequestPropertyOrRequiredUnderOptionalParent_DoesNotBreak() =>
        AssertNoBreak(
            Doc(("/v1/a", "post", Op(body: Body("""{ "type": "object", "properties": { "sku": { "type": "string" } } }""")))),
            Doc(("/v1/a", "post", Op(body: Body("""{ "type": "object", "properties": { "sku": { "type": "string" }, "note": { "type": "string" }, "ship": { "type": "object", "required": [ "at" ], "properties": { "at": { "type": "string" } } } } }""")))));

    [Fact]
    public void Compare_NewRequiredBody_Breaks() =>
        AssertBreak(BreakRules.RequestBodyRequired, "POST /v1/a body",
            Doc(("/v1/a", "post", Op())),
            Doc(("/v1/a", "post", Op(body: Body("""{ "type": "object" }""")))));

    [Fact]
    public void Compare_EnumNarrowed_Breaks() =>
        AssertBreak(BreakRules.EnumNarrowed, "POST /v1/a body application/json kind",
            Doc(("/v1/a", "post", Op(body: Body(Kinds("\"standard\", \"rush\""))))),
            Doc(("/v1/a", "post", Op(body: Body(Kinds("\"standard\""))))));

    [Fact]
    public void Compare_EnumWidened_DoesNotBreak() =>
        AssertNoBreak(
            Doc(("/v1/a", "post", Op(body: Body(Kinds("\"standard\""))))),
            Doc(("/v1/a", "post", Op(body: Body(Kinds("\"standard\", \"rush\""))))));

    [Fact]
    public void Compare_CommittedV1AgainstItself_FindsNothing()
    {
        var v1 = File.ReadAllText(Path.Combine(Repository.Root, "api-specs", "canonical", "v1.json"));

        var sut = OpenApiComparison.Compare(ApiGate.Load(v1, "v1"), ApiGate.Load(v1, "v1"));

        Assert.Empty(sut);
    }

    [Fact]
    public void Compare_CommittedV1WithAPathRemoved_FindsIt()
    {
        var v1 = File.ReadAllText(Path.Combine(Repository.Root, "api-specs", "canonical", "v1.json"));
        var head = ApiGate.Load(v1, "v1");
        Assert.True(head.Paths.Remove("/v1/products/{sku}"));

        var sut = OpenApiComparison.Compare(ApiGate.Load(v1, "v1"), head);

        Assert.Equal([new Break(BreakRules.PathRemoved, "/v1/products/{sku}", "the path is gone")], sut);
    }

    const string Node = """{ "Node": { "type": "object", "properties": { "name": { "type": "string" }, "children": { "type": "array", "items": { "$ref": "#/components/schemas/Node" } } } } }""";

    static string List(string itemProperties) =>
        $$"""{ "type": "object", "properties": { "items": { "type": "array", "items": { "type": "object", "properties": {{itemProperties}} } } } }""";

    static string OrderLines(string lineProperties, string required) =>
        $$"""{ "type": "object", "required": [ "lines" ], "properties": { "lines": { "type": "array", "items": { "type": "object", "required": [ {{required}} ], "properties": {{lineProperties}} } } } }""";

    static string Kinds(string values) =>
        $$"""{ "type": "object", "properties": { "kind": { "type": "string", "enum": [ {{values}} ] } } }""";

    static string Body(string schema) =>
        $$"""{ "required": true, "content": { "application/json": { "schema": {{schema}} } } }""";

    static string Op(string status = "200", string schema = """{ "type": "object" }""", string parameters = "[]", string? body = null, string extraResponses = "") =>
        $$"""{ "parameters": {{parameters}}, {{(body is null ? "" : $"\"requestBody\": {body},")}} "responses": { "{{status}}": {{Ok.Replace("SCHEMA", schema, StringComparison.Ordinal)}}{{extraResponses}} } }""";

    static string Doc(params (string Path, string Method, string Operation)[] operations) => Doc(operations, components: "{}");

    static string Doc((string Path, string Method, string Operation) operation, string components) => Doc([operation], components);

    static string Doc((string Path, string Method, string Operation)[] operations, string components)
    {
        var paths = operations.GroupBy(o => o.Path).Select(g => $"\"{g.Key}\": {{ {string.Join(", ", g.Select(o => $"\"{o.Method}\": {o.Operation}"))} }}");
        return $$"""{ "openapi": "3.0.4", "info": { "title": "t", "version": "v1" }, "paths": { {{string.Join(", ", paths)}} }, "components": { "schemas": {{components}} } }""";
    }

    static void AssertBreak(string rule, string location, string @base, string head)
    {
        var sut = OpenApiComparison.Compare(ApiGate.Load(@base, "base"), ApiGate.Load(head, "head"));

        var found = Assert.Single(sut);
        Assert.Equal((rule, location), (found.Rule, found.Location));
    }

    static void AssertNoBreak(string @base, string head) =>
        Assert.Empty(OpenApiComparison.Compare(ApiGate.Load(@base, "base"), ApiGate.Load(head, "head")));
}
