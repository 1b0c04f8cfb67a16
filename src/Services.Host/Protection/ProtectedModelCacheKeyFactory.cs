using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using OneThing.Host.Persistence;

namespace OneThing.Host.Protection;

/// <summary>
/// EF Core caches a model per context type; ours also carries the converters of one key ring, so two hosts in
/// one process (tests, a rotation) with different keys must not share it: the protector is part of the key.
/// </summary>
internal sealed class ProtectedModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => context is AppDbContext app
        ? (context.GetType(), app.Protector, designTime)
        : (context.GetType(), designTime);
}
