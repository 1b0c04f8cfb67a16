using OneThing.Host.Cases.Journeys;
using OneThing.Host.Cases.Activities;
using OneThing.Integrations;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using OneThing.Host.Cases.Departments;
using OneThing.Host.Cases.Identifiers;
using OneThing.UnitTests.Journeys.StandIns;
using OneThing.Workflows.Activities;
using OneThing.Workflows.Activities.Builtin;
using OneThing.Workflows.Definitions;

namespace OneThing.UnitTests.Journeys;

/// <summary>
/// The four journey files in <c>workflows/</c> are sound definitions (schema, validator with the domain
/// activities' contract), their form, materials and prefill agree with each other and with the licence
/// library's field names, and their graphs keep DOMAIN.md's dependencies, rejections and compensations.
/// </summary>
public sealed class JourneyFilesTests
{
    // A registry of its own: the definition schema's $id is also registered globally by DefinitionSchemaTests.
    private static readonly JsonSchema DefinitionSchema = JsonSchema.FromText(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "schema", "workflow-definition.schema.json")),
        new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    /// <summary>The host's real registry: the files must validate against the activities that run them.</summary>
    private static readonly ActivityRegistry HostActivities = new ActivityRegistry().AddBuiltins().AddIntegrationActivities().AddCaseActivities();

    private static readonly DefinitionValidator Validator = new(HostActivities, [new JourneyDefinitionCheck()]);

    [Fact]
    public void A_journey_with_a_broken_form_unknown_department_or_dangling_holder_is_refused()
    {
        var text = JourneyFiles.Text("newborn");
        var node = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
        node["metadata"]!["form"]!["properties"]!["father"]!["properties"]!["idNumber"]!["format"] = "no-such-format";
        Assert.Contains(Validator.Validate(WorkflowJson.Parse(node.ToJsonString())), e => e.Code == "journey_invalid" && e.Message.Contains("no-such-format"));

        node = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
        var matter = node["activities"]!.AsArray().First(a => a!["id"]!.GetValue<string>() == "birth-certificate")!;
        matter["inputs"]!["department"] = "ministry-of-magic";
        matter["inputs"]!["promisedDays"] = 9;
        node["metadata"]!["materials"]![0]!["holder"] = "/grandfather/idNumber";
        var errors = Validator.Validate(WorkflowJson.Parse(node.ToJsonString()));
        Assert.Contains(errors, e => e.Code == "unknown_department" && e.Pointer.EndsWith("/inputs/department", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Code == "promised_beyond_statutory");
        Assert.Contains(errors, e => e.Code == "material_holder" && e.Pointer == "#/metadata/materials/0");
    }

    [Fact]
    public void The_unit_test_stand_ins_declare_exactly_the_contract_of_the_host_activities()
    {
        var standIns = new ActivityRegistry().AddJourneyActivities();
        foreach (var type in new[] { "Acceptance", "Matter", "CompleteCase", "RejectCase", "RevokeMatter" })
        {
            var real = HostActivities.Find(type)!;
            var standIn = standIns.Find(type)!;
            Assert.Equal(real.Outcomes.Order(), standIn.Outcomes.Order());
            Assert.Equal(real.Waits, standIn.Waits);
            Assert.Equal(
                real.Inputs.Select(i => $"{i.Name}:{i.Kind}:{i.Required}").Order(),
                standIn.Inputs.Select(i => $"{i.Name}:{i.Kind}:{i.Required}").Order());
        }
    }

    private static readonly HashSet<string> Departments = [.. DepartmentSeeder.Catalogue.Select(d => d.Code)];

    /// <summary>What a form schema may say: the JSON Schema keywords the portal and the form validator handle, and ours.</summary>
    private static readonly HashSet<string> FormKeywords =
    [
        "$schema", "type", "title", "description", "properties", "required", "additionalProperties", "items", "minItems", "maxItems",
        "enum", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "format",
        "x-title-en", "x-description-en", "x-not-future", "x-not-before", "x-enum-titles", "x-enum-titles-en",
    ];

    private static readonly HashSet<string> Formats = ["resident-id", "credit-code", "region-code", "mobile", "date", "licence-id"];

    public static TheoryData<string> Journeys => JourneyFiles.All;

    [Theory]
    [MemberData(nameof(Journeys))]
    public void Journey_file_is_a_valid_definition_of_its_journey(string code)
    {
        var text = JourneyFiles.Text(code);
        var definition = JsonSerializer.Deserialize<WorkflowDefinition>(text, WorkflowJson.Options)!;
        Assert.Equal(code, definition.Id);
        Assert.Equal(code, definition.Metadata!["journey"]!["code"]!.GetValue<string>());

        var schemaResult = DefinitionSchema.Evaluate(JsonDocument.Parse(text).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(schemaResult.IsValid, string.Join("; ", (schemaResult.Details ?? []).SelectMany(d => d.Errors ?? new Dictionary<string, string>()).Select(e => e.Value)));

        var errors = Validator.Validate(WorkflowJson.Parse(text));
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Pointer} {e.Code}: {e.Message}")));
    }

    [Theory]
    [MemberData(nameof(Journeys))]
    public void Journey_summary_is_bilingual_and_names_a_lead_department_and_keepable_times(string code)
    {
        var journey = JourneyFiles.Load(code).Metadata!["journey"]!.AsObject();
        foreach (var key in new[] { "name", "nameEn", "summary", "summaryEn" })
        {
            Assert.False(string.IsNullOrWhiteSpace(journey[key]?.GetValue<string>()), $"{code}: journey.{key}");
        }

        Assert.Contains(journey["leadDepartment"]!.GetValue<string>(), Departments);
        Assert.Contains(journey["applicantKind"]!.GetValue<string>(), new[] { "person", "organisation" });
        Assert.InRange(journey["promisedDays"]!.GetValue<int>(), 1, journey["statutoryDays"]!.GetValue<int>());
        Assert.NotEmpty(journey["notes"]!.AsArray());
        Assert.Equal(journey["notes"]!.AsArray().Count, journey["notesEn"]!.AsArray().Count);
        Assert.Equal(journey["excluded"] is null, journey["excludedEn"] is null);
    }

    [Theory]
    [MemberData(nameof(Journeys))]
    public void Form_compiles_and_every_field_is_titled_in_both_languages_bounded_and_closed(string code)
    {
        var form = JourneyFiles.Load(code).Metadata!["form"]!.AsObject();
        var compiled = JsonSchema.FromText(form.ToJsonString());
        Assert.NotNull(compiled);
        Assert.Equal("object", form["type"]!.GetValue<string>());
        CheckField(form, "#");

        void CheckField(JsonObject schema, string where)
        {
            Assert.All(schema.Select(p => p.Key), keyword => Assert.True(FormKeywords.Contains(keyword), $"{code} {where}: unknown keyword '{keyword}'"));
            Assert.False(string.IsNullOrWhiteSpace(schema["title"]?.GetValue<string>()), $"{code} {where}: title");
            Assert.False(string.IsNullOrWhiteSpace(schema["x-title-en"]?.GetValue<string>()), $"{code} {where}: x-title-en");
            switch (schema["type"]?.GetValue<string>())
            {
                case "string":
                    Assert.True(schema["maxLength"] is not null, $"{code} {where}: a string needs maxLength");
                    if (schema["format"] is { } format)
                    {
                        Assert.Contains(format.GetValue<string>(), Formats);
                    }

                    break;
                case "object":
                    Assert.True(schema["additionalProperties"]?.GetValue<bool>() == false, $"{code} {where}: additionalProperties must be false");
                    var properties = schema["properties"]!.AsObject();
                    Assert.All(schema["required"]?.AsArray() ?? [], name => Assert.True(properties.ContainsKey(name!.GetValue<string>()), $"{code} {where}: required {name}"));
                    foreach (var (name, property) in properties)
                    {
                        CheckField(property!.AsObject(), $"{where}/{name}");
                    }

                    break;
                case "array":
                    Assert.True(schema["maxItems"] is not null, $"{code} {where}: an array needs maxItems");
                    CheckField(schema["items"]!.AsObject(), $"{where}/items");
                    break;
                case "number" or "integer":
                    Assert.True(schema["maximum"] is not null, $"{code} {where}: a number needs a maximum");
                    break;
                default:
                    Assert.Fail($"{code} {where}: unexpected type {schema["type"]?.ToJsonString()}");
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Journeys))]
    public void Materials_and_prefill_point_at_form_fields_and_at_fields_licences_have(string code)
    {
        var metadata = JourneyFiles.Load(code).Metadata!;
        var form = metadata["form"]!.AsObject();
        var materials = metadata["materials"]!.AsArray().Select(m => m!.AsObject()).ToList();
        Assert.Equal(materials.Count, materials.Select(m => m["code"]!.GetValue<string>()).Distinct().Count());

        foreach (var material in materials)
        {
            var name = material["code"]!.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(material["name"]?.GetValue<string>()), $"{code} {name}: name");
            Assert.False(string.IsNullOrWhiteSpace(material["nameEn"]?.GetValue<string>()), $"{code} {name}: nameEn");
            Assert.NotNull(material["required"]?.GetValue<bool>());
            switch (material["source"]!.GetValue<string>())
            {
                case "licence":
                    Assert.Contains(material["licenceType"]!.GetValue<string>(), JourneyFiles.LicenceTypes);
                    var holder = JourneyFiles.FieldSchema(form, material["holder"]!.GetValue<string>());
                    Assert.True(holder is not null, $"{code} {name}: holder {material["holder"]} is not a form field");
                    Assert.Contains(holder["format"]?.GetValue<string>(), new[] { "resident-id", "credit-code" });
                    Assert.False(string.IsNullOrWhiteSpace(material["purpose"]?.GetValue<string>()), $"{code} {name}: 用证事由");
                    Assert.False(string.IsNullOrWhiteSpace(material["purposeEn"]?.GetValue<string>()), $"{code} {name}: purposeEn");
                    Assert.True(material["consent"] is null || material["consent"]!.GetValue<string>() == "holder", $"{code} {name}: consent");
                    break;
                case "applicant":
                    Assert.Subset(new HashSet<string> { "application/pdf", "image/jpeg", "image/png" }, material["mediaTypes"]!.AsArray().Select(t => t!.GetValue<string>()).ToHashSet());
                    Assert.InRange(material["maxBytes"]!.GetValue<long>(), 1, 2 * 1024 * 1024);
                    Assert.False(string.IsNullOrWhiteSpace(material["description"]?.GetValue<string>()), $"{code} {name}: description");
                    Assert.False(string.IsNullOrWhiteSpace(material["descriptionEn"]?.GetValue<string>()), $"{code} {name}: descriptionEn");
                    break;
                default:
                    Assert.Fail($"{code} {name}: unknown source");
                    break;
            }
        }

        foreach (var prefill in metadata["prefill"]!.AsArray().Select(p => p!.AsObject()))
        {
            var pointer = prefill["pointer"]!.GetValue<string>();
            Assert.True(JourneyFiles.FieldSchema(form, pointer) is not null, $"{code}: prefill {pointer} is not a form field");
            Assert.Contains(prefill["field"]!.GetValue<string>(), JourneyFiles.LicenceFields[prefill["licenceType"]!.GetValue<string>()]);
        }
    }

    [Theory]
    [MemberData(nameof(Journeys))]
    public void Sample_case_fills_the_form_validly_with_licences_of_the_holders_the_materials_name(string code)
    {
        var metadata = JourneyFiles.Load(code).Metadata!;
        var sample = JourneyFiles.SampleCase(code);
        Assert.Equal(code, sample["journey"]!.GetValue<string>());
        Assert.True(CaseNumber.TryParse(sample["caseNumber"]!.GetValue<string>(), out _, out _));
        var result = Evaluate(metadata["form"]!, sample["form"]!);
        Assert.True(result.IsValid, string.Join("; ", Errors(result)));

        var licences = sample["licences"]!.AsObject();
        foreach (var material in metadata["materials"]!.AsArray().Select(m => m!.AsObject()).Where(m => m["source"]!.GetValue<string>() == "licence"))
        {
            var name = material["code"]!.GetValue<string>();
            if (licences[name] is not JsonObject licence)
            {
                Assert.False(material["required"]!.GetValue<bool>(), $"{code}: the sample lacks required material {name}");
                continue;
            }

            Assert.Equal(material["licenceType"]!.GetValue<string>(), licence["type"]!.GetValue<string>());
            Assert.True(LicenceIdentifier.TryParse(licence["id"]!.GetValue<string>(), out _, out _), $"{code} {name}: licence id");
            Assert.Equal(JourneyFiles.LicenceFields[licence["type"]!.GetValue<string>()].Order(), licence["data"]!.AsObject().Select(p => p.Key).Order());

            // A household register is held by the head, and found by any member's ID number.
            var holderId = JourneyFiles.At(sample["form"], material["holder"]!.GetValue<string>())!.GetValue<string>();
            var holders = licence["type"]!.GetValue<string>() == "household-register"
                ? licence["data"]!["members"]!.AsArray().Select(m => m!["idNumber"]!.GetValue<string>())
                : [licence["holderId"]!.GetValue<string>()];
            Assert.Contains(holderId, holders);
        }
    }

    [Theory]
    [InlineData("newborn", "/child/sex", "\"未知\"")]
    [InlineData("newborn", "/bankAccount/accountNumber", "\"6217-0012\"")]
    [InlineData("newborn", "/household/parent", "\"grandfather\"")]
    [InlineData("newborn", "/father/phone", null)]
    [InlineData("retirement", "/housingFund/accountNumber", "\"HF12345\"")]
    [InlineData("retirement", "/employee/bankAccount", null)]
    [InlineData("business-startup", "/shareholders", "[]")]
    [InlineData("business-startup", "/company/registeredCapital", "0")]
    [InlineData("business-startup", "/bank/name", "\"某某银行\"")]
    [InlineData("property-transfer", "/contract/number", "\"网签合同\"")]
    [InlineData("property-transfer", "/buyer/maritalStatus", "\"其他\"")]
    [InlineData("property-transfer", "/utilities/heating", "\"HT001\"")]
    public void Form_refuses_what_the_journey_cannot_use(string code, string pointer, string? value)
    {
        var form = JourneyFiles.SampleCase(code)["form"]!.DeepClone();
        Assert.True(Evaluate(JourneyFiles.Load(code).Metadata!["form"]!, form).IsValid);

        JourneyFiles.Set(form, pointer, value is null ? null : JsonNode.Parse(value));
        Assert.False(Evaluate(JourneyFiles.Load(code).Metadata!["form"]!, form).IsValid);
    }

    [Theory]
    [MemberData(nameof(Journeys))]
    public void Matters_have_unique_codes_known_departments_and_deadlines_the_journey_can_keep(string code)
    {
        var definition = JourneyFiles.Load(code);
        var journey = definition.Metadata!["journey"]!;
        var matters = definition.OfType("Matter").ToList();
        Assert.NotEmpty(matters);
        Assert.Equal(matters.Count, matters.Select(m => m.Inputs["matter"]!.GetValue<string>()).Distinct().Count());
        foreach (var matter in matters)
        {
            Assert.Equal(matter.Id, matter.Inputs["matter"]!.GetValue<string>());
            Assert.Contains(matter.Inputs["department"]!.GetValue<string>(), Departments);
            Assert.False(string.IsNullOrWhiteSpace(matter.Inputs["name"]?.GetValue<string>()), $"{code} {matter.Id}: name");
            Assert.False(string.IsNullOrWhiteSpace(matter.Inputs["nameEn"]?.GetValue<string>()), $"{code} {matter.Id}: nameEn");
            Assert.InRange(matter.Inputs["promisedDays"]!.GetValue<int>(), 1, matter.Inputs["statutoryDays"]!.GetValue<int>());
            if (matter.Inputs["instantRule"] is JsonObject rule)
            {
                Assert.False(string.IsNullOrWhiteSpace(rule["description"]?.GetValue<string>()), $"{code} {matter.Id}: rule description");
                Assert.False(string.IsNullOrWhiteSpace(rule["descriptionEn"]?.GetValue<string>()), $"{code} {matter.Id}: rule descriptionEn");
            }
        }

        var acceptance = Assert.Single(definition.OfType("Acceptance"));
        Assert.Contains(acceptance.Inputs["department"]?.GetValue<string>() ?? "service-center", Departments);
        var ruleIds = definition.Activities.Select(a => a.Inputs["instantRule"]?["id"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.Equal(ruleIds.Count, ruleIds.Distinct().Count());

        // Counting starts after acceptance: if every department keeps its own time, the case keeps its own.
        int Days(ActivityDefinition a, string key) => a.Type == "Matter" ? a.Inputs[key]!.GetValue<int>() : 0;
        var start = definition.OfType("Start").Single().Id;
        Assert.InRange(definition.LongestPath(start, a => Days(a, "promisedDays")), 1, journey["promisedDays"]!.GetValue<int>());
        Assert.InRange(definition.LongestPath(start, a => Days(a, "statutoryDays")), 1, journey["statutoryDays"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("newborn", "household-registration", "birth-certificate", true)]
    [InlineData("newborn", "medical-insurance-enrolment", "household-registration", true)]
    [InlineData("newborn", "social-security-card", "household-registration", true)]
    [InlineData("newborn", "insurance-payment", "medical-insurance-enrolment", true)]
    [InlineData("newborn", "vaccination-certificate", "birth-certificate", false)]
    [InlineData("newborn", "maternity-allowance", "birth-certificate", false)]
    [InlineData("newborn", "social-security-card", "medical-insurance-enrolment", false)]
    [InlineData("retirement", "pension-assessment", "retirement-qualification", true)]
    [InlineData("retirement", "medical-insurance-retirement", "pension-assessment", true)]
    [InlineData("retirement", "housing-fund-withdrawal", "pension-assessment", true)]
    [InlineData("retirement", "housing-fund-withdrawal", "medical-insurance-retirement", false)]
    [InlineData("business-startup", "establishment-registration", "name-declaration", true)]
    [InlineData("business-startup", "seal-engraving", "establishment-registration", true)]
    [InlineData("business-startup", "tax-registration", "establishment-registration", true)]
    [InlineData("business-startup", "employer-insurance-registration", "establishment-registration", true)]
    [InlineData("business-startup", "housing-fund-registration", "establishment-registration", true)]
    [InlineData("business-startup", "bank-account-appointment", "establishment-registration", true)]
    [InlineData("business-startup", "seal-engraving", "tax-registration", false)]
    [InlineData("property-transfer", "tax-assessment", "contract-filing", true)]
    [InlineData("property-transfer", "registration", "tax-assessment", true)]
    [InlineData("property-transfer", "electricity-transfer", "registration", true)]
    [InlineData("property-transfer", "water-transfer", "registration", true)]
    [InlineData("property-transfer", "gas-transfer", "registration", true)]
    [InlineData("property-transfer", "broadband-transfer", "registration", true)]
    [InlineData("property-transfer", "gas-transfer", "electricity-transfer", false)]
    public void Matter_is_reached_only_through_the_approval_of_the_matter_it_depends_on(string code, string matter, string dependsOn, bool dependent)
    {
        var definition = JourneyFiles.Load(code);
        Assert.True(definition.Reaches(matter));
        Assert.Equal(dependent, !definition.Reaches(matter, withoutSource: dependsOn, withoutOutcome: "Approved"));
    }

    [Theory]
    [MemberData(nameof(Journeys))]
    public void Every_matter_starts_only_after_acceptance(string code)
    {
        var definition = JourneyFiles.Load(code);
        Assert.All(definition.OfType("Matter"), matter =>
            Assert.False(definition.Reaches(matter.Id, withoutSource: "acceptance", withoutOutcome: "Accepted"), $"{code}: {matter.Id} runs without acceptance"));
    }

    [Theory]
    [MemberData(nameof(Journeys))]
    public void Every_rejection_ends_the_case_through_its_one_RejectCase(string code)
    {
        var definition = JourneyFiles.Load(code);
        var reject = Assert.Single(definition.OfType("RejectCase"));
        Assert.DoesNotContain(definition.Connections, c => c.Source == reject.Id);
        foreach (var decided in definition.Activities.Where(a => a.Type is "Acceptance" or "Matter"))
        {
            var rejected = definition.Connections.Where(c => c.Source == decided.Id && c.Outcome == "Rejected").ToList();
            Assert.True(rejected.Count == 1 && rejected[0].Target == reject.Id, $"{code}: {decided.Id} Rejected must lead to {reject.Id}");
            var approved = decided.Type == "Acceptance" ? "Accepted" : "Approved";
            Assert.Contains(definition.Connections, c => c.Source == decided.Id && c.Outcome == approved);
        }

        var complete = Assert.Single(definition.OfType("CompleteCase"));
        var join = definition.FindActivity(Assert.Single(definition.Connections, c => c.Target == complete.Id).Source)!;
        Assert.Equal("Join", join.Type);
        Assert.Equal("End", definition.FindActivity(Assert.Single(definition.Connections, c => c.Source == complete.Id).Target)!.Type);
    }

    [Theory]
    [MemberData(nameof(Journeys))]
    public void Every_matter_is_undone_by_its_own_RevokeMatter_and_producing_ones_certainly(string code)
    {
        var definition = JourneyFiles.Load(code);
        foreach (var matter in definition.OfType("Matter"))
        {
            var producing = matter.Inputs.ContainsKey("produces") || matter.Inputs.ContainsKey("assignCreditCode");
            Assert.True(matter.CompensateWith is not null, $"{code}: {matter.Id} has no compensation{(producing ? " although it produces" : string.Empty)}");
            var revoke = definition.FindActivity(matter.CompensateWith)!;
            Assert.Equal(matter.Id + "-revoke", revoke.Id);
            Assert.Equal("RevokeMatter", revoke.Type);
            Assert.Equal(matter.Inputs["matter"]!.GetValue<string>(), revoke.Inputs["matter"]!.GetValue<string>());
            Assert.DoesNotContain(definition.Connections, c => c.Source == revoke.Id || c.Target == revoke.Id);
        }

        Assert.Equal(definition.OfType("Matter").Count(), definition.OfType("RevokeMatter").Count());
    }

    [Theory]
    [MemberData(nameof(Journeys))]
    public void Designer_layout_runs_left_to_right_without_overlaps(string code)
    {
        var definition = JourneyFiles.Load(code);
        Assert.All(definition.Activities, a => Assert.True(a.Position is not null, $"{code}: {a.Id} has no position"));
        var positions = definition.Activities.Select(a => (a.Position!.X, a.Position.Y)).ToList();
        Assert.Equal(positions.Count, positions.Distinct().Count());

        // Rejections go back to the one RejectCase below the flow; everything else moves right.
        foreach (var connection in definition.Connections.Where(c => definition.FindActivity(c.Target)!.Type != "RejectCase"))
        {
            Assert.True(definition.FindActivity(connection.Target)!.Position!.X > definition.FindActivity(connection.Source)!.Position!.X,
                $"{code}: {connection.Source} → {connection.Target} does not run left to right");
        }
    }

    private static EvaluationResults Evaluate(JsonNode schema, JsonNode instance) =>
        JsonSchema.FromText(schema.ToJsonString()).Evaluate(JsonDocument.Parse(instance.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static IEnumerable<string> Errors(EvaluationResults result) =>
        (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
}
