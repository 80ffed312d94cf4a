using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using Programmes.Floor;

// Usage: Programmes.Floor --urls http://127.0.0.1:5190 --Floor:Postgres "<cs to any database>" --Floor:RabbitMq amqp://...
//        --Floor:Metadata http://127.0.0.1:5080/.well-known/openid-configuration
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var settings = builder.Configuration.GetSection("Floor").Get<FloorSettings>() ?? new FloorSettings();
var databases = await FloorDatabases.CreateAsync(settings.Postgres);
var broker = await FloorBroker.ConnectAsync(settings.RabbitMq, databases.Planning);

// The gateway's own tokens, checked on every request (signature, issuer, lifetime): no cache of validated tokens.
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
{
    jwt.MetadataAddress = settings.Metadata;
    jwt.RequireHttpsMetadata = false;
    jwt.MapInboundClaims = false;
    jwt.TokenValidationParameters = new TokenValidationParameters { ValidateAudience = false };
});
builder.Services.AddAuthorization();
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, FloorJson.Default));
var relay = new OutboxRelay(databases.Intake, broker);
builder.Services.AddHostedService(_ => relay);

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapPost("/api/intake/requests", (HttpContext http, CancellationToken cancellationToken) =>
    Submission.HandleAsync(http, databases.Intake, relay, cancellationToken)).RequireAuthorization();
app.MapGet("/floor/counts", async (CancellationToken cancellationToken) => Results.Ok(await databases.CountsAsync(cancellationToken)));
app.MapPost("/floor/reset", async (CancellationToken cancellationToken) =>
{
    await databases.ResetAsync(cancellationToken);
    return Results.NoContent();
});
await app.RunAsync();
await broker.DisposeAsync();
await databases.Intake.DisposeAsync();
await databases.Planning.DisposeAsync();

internal sealed record FloorSettings
{
    public string Postgres { get; init; } = "Host=127.0.0.1;Port=5433;Username=programmes;Password=programmes;Database=programmes";
    public string RabbitMq { get; init; } = "amqp://programmes:programmes@127.0.0.1:5672/";
    public string Metadata { get; init; } = "http://127.0.0.1:5080/.well-known/openid-configuration";
}

internal static class NpgsqlSources
{
    public static NpgsqlDataSource For(string connectionString, string database) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Database = database, MaxAutoPrepare = 20, AutoPrepareMinUsages = 2, NoResetOnClose = true }.ConnectionString);
}
