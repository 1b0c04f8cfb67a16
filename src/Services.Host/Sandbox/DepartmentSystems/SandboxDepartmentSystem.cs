using MassTransit;
using OneThing.Contracts.Departments;
using OneThing.Host.Sandbox;

namespace OneThing.Host.Sandbox.DepartmentSystems;

/// <summary>
/// DEVELOPMENT ONLY: stand-in for the departments' back-office systems. It receives every
/// <see cref="MatterSubmitted"/> on the department queues and, for the matters listed in
/// <c>Sandbox:DepartmentSystems:Decides</c>, answers over the bus with an approval — as a tax or bank system
/// would; every other matter is left to the department's clerks.
/// </summary>
public sealed class SandboxDepartmentSystem(Microsoft.Extensions.Options.IOptions<SandboxDepartmentOptions> options, ILogger<SandboxDepartmentSystem> logger)
    : IConsumer<MatterSubmitted>
{
    public async Task Consume(ConsumeContext<MatterSubmitted> context)
    {
        var message = context.Message;
        var decides = options.Value.Decides;
        if (!decides.Contains($"{message.JourneyCode}/{message.MatterCode}") && !decides.Contains(message.MatterCode))
        {
            logger.LogDebug("Sandbox {Department} system received {Matter} of {Case}; a clerk decides it.", message.DepartmentCode, message.MatterCode, message.CaseNumber);
            return;
        }

        await context.Publish(new MatterDecided(message.TaskId, message.CaseNumber, message.DepartmentCode, "Approve",
            "部门业务系统自动核验通过（沙箱）", SandboxDefaults.DepartmentSystemClientId(message.DepartmentCode)));
    }
}

/// <summary>Which matters the sandbox department systems decide themselves (<c>journey/matter</c> or <c>matter</c>).</summary>
public sealed class SandboxDepartmentOptions
{
    public const string Section = "Sandbox:DepartmentSystems";

    public HashSet<string> Decides { get; set; } = [];
}
