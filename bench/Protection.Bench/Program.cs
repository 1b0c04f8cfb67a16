using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using OneThing.Protection.Bench;

// Measures field encryption at rest per value (BenchmarkDotNet, in process); prints a Markdown table.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("in-process"))
    .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "onething-protection-bench"));
BenchmarkRunner.Run<FieldProtectionBenchmarks>(config, args);
