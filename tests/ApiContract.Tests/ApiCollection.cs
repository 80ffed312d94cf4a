using Xunit;

namespace Programmes.ApiContract.Tests;

/// <summary>One system for the whole project: the linters, the client check and the journey share it.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<PublishedDocuments>
{
    public const string Name = "api";
}
