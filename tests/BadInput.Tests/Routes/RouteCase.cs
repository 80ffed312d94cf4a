using Programmes.BadInput.Tests.Corpus;
using Programmes.Gateway.Clients;

namespace Programmes.BadInput.Tests.Routes;

/// <summary>
/// A route the corpus covers: who calls it (a role the route admits) and how to reach a real object for it.
/// <see cref="PrepareAsync"/> seeds the objects the route parameters name and returns the concrete path and a
/// valid body, which must still succeed after the corpus.
/// </summary>
public sealed record RouteCase(string Method, string Pattern, DemoClient Caller, Func<Seeder, Task<Target>> PrepareAsync);

/// <summary>A concrete path (route parameters pointing at seeded objects) and the valid body for it.</summary>
public sealed record Target(string Path, Sample Sample);
