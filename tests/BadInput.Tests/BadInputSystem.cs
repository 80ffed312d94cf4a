using Programmes.Testing;

namespace Programmes.BadInput.Tests;

/// <summary>The gateway and all four services; the corpus reaches every service through the gateway.</summary>
public sealed class BadInputSystem : TestSystem;
