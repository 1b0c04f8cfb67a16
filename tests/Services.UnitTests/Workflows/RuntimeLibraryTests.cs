using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneThing.Workflows;
using OneThing.Workflows.Definitions;
using OneThing.Workflows.Runtime;

namespace OneThing.UnitTests.Workflows;

public sealed class RuntimeLibraryTests
{
    private const string Sequence = """
        { "id": "%ID%", "version": %V%, "name": "Sequence",
          "activities": [{ "id": "start", "type": "Start" }, { "id": "set", "type": "SetVariable", "inputs": { "variable": "x", "value": 1 } }],
          "connections": [{ "source": "start", "target": "set" }] }
        """;

    [Fact]
    public async Task Definition_files_load_at_start_up_a_bad_file_is_skipped_and_the_rest_load()
    {
        await using var harness = new WorkflowHarness();
        var folder = Directory.CreateTempSubdirectory("onething-flows-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "a-good.json"), Sequence.Replace("%ID%", "good").Replace("%V%", "2"));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "b-broken-json.json"), "{ \"id\": ");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "c-invalid.json"), Sequence.Replace("%ID%", "invalid").Replace("%V%", "1").Replace("\"Start\"", "\"Teleport\""));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "d-also-good.json"), Sequence.Replace("%ID%", "also-good").Replace("%V%", "1"));

            await using (var scope = harness.Services.CreateAsyncScope())
            {
                Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<DefinitionStore>().LoadFolderAsync(folder.FullName));
            }

            var stored = await harness.QueryAsync(db => db.Set<WorkflowDefinitionRecord>().OrderBy(r => r.DefinitionId).Select(r => $"{r.DefinitionId} v{r.Version} {r.Status}").ToListAsync());
            Assert.Equal(["also-good v1 Published", "good v2 Published"], stored);

            // Loading again changes nothing; an older version than the stored one is not published.
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "e-older.json"), Sequence.Replace("%ID%", "good").Replace("%V%", "1"));
            await using (var scope = harness.Services.CreateAsyncScope())
            {
                Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<DefinitionStore>().LoadFolderAsync(folder.FullName));
            }

            Assert.Equal(2, await harness.QueryAsync(db => db.Set<WorkflowDefinitionRecord>().CountAsync()));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Journal_records_who_ran_what_with_inputs_and_the_variables_it_set()
    {
        await using var harness = new WorkflowHarness();
        await harness.PublishAsync(WorkflowJson.Parse(Sequence.Replace("%ID%", "journaled").Replace("%V%", "1")));
        await harness.WithAsync((runtime, _) => runtime.StartAsync("journaled", null, "user-42"));

        var entries = await harness.QueryAsync(db => db.Set<WorkflowJournalEntry>().OrderBy(j => j.Id).ToListAsync());
        var started = Assert.Single(entries, j => j.Event == "Started" && j.ActivityId == "set");
        var completed = Assert.Single(entries, j => j.Event == "Completed" && j.ActivityId == "set");
        Assert.Equal("""{"variable":"x","value":1}""", started.Summary);
        Assert.Equal("""{"x":1}""", completed.Summary);
        Assert.All(entries, j => Assert.Equal("user-42", j.Actor));
        Assert.All(entries, j => Assert.Equal(harness.Clock.GetUtcNow(), j.At));
    }

    [Fact]
    public async Task Runs_and_activities_are_traced_and_counted()
    {
        var spans = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Telemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => { lock (spans) { spans.Add(activity.DisplayName); } },
        };
        ActivitySource.AddActivityListener(listener);

        var measurements = new Dictionary<string, double>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == Telemetry.SourceName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value)
        {
            lock (measurements)
            {
                measurements[instrument.Name] = measurements.GetValueOrDefault(instrument.Name) + value;
            }
        }

        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) => Record(instrument, value));
        meters.SetMeasurementEventCallback<double>((instrument, value, _, _) => Record(instrument, 1));
        meters.Start();

        await using var harness = new WorkflowHarness();
        var id = $"traced-{Guid.NewGuid():N}";
        await harness.PublishAsync(WorkflowJson.Parse(Sequence.Replace("%ID%", id).Replace("%V%", "1")));
        await harness.WithAsync((runtime, _) => runtime.StartAsync(id, null, "test"));

        lock (spans)
        {
            Assert.Contains("workflow start", spans);
            Assert.Contains("activity Start", spans);
            Assert.Contains("activity SetVariable", spans);
        }

        lock (measurements)
        {
            Assert.True(measurements.GetValueOrDefault("onething.workflow.instances.started") >= 1);
            Assert.True(measurements.GetValueOrDefault("onething.workflow.instances.completed") >= 1);
            Assert.True(measurements.GetValueOrDefault("onething.workflow.activity.duration") >= 2);
        }
    }
}
