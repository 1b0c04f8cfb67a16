using Microsoft.EntityFrameworkCore;

namespace OneThing.Host.Sandbox.OutsideSystems;

/// <summary>
/// The sandbox outside systems stand for OTHER agencies' systems (the licence library, the SMS gateway): their
/// data is theirs, not OneThing's. On PostgreSQL and SQL Server their tables live in their own schema
/// <c>sandbox</c>, apart from ours, so a dump of OneThing's data (<c>pg_dump --exclude-schema=sandbox</c>) holds
/// only what OneThing keeps. SQLite has no schemas: the embedded default keeps them beside ours.
/// </summary>
public static class SandboxSchema
{
    public const string Name = "sandbox";

    public static ModelBuilder UseSandboxSchema(this ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace == typeof(SandboxSchema).Namespace))
        {
            entity.SetSchema(Name);
        }

        return builder;
    }
}
