using System.Security.Claims;
using CsCheck;
using Programmes.ServiceDefaults;
using Xunit;

namespace Programmes.UnitTests.ServiceDefaults;

/// <summary>
/// The cache of validated tokens accepts exactly what full validation accepted, for as long as validation would:
/// a byte-identical token, until its expiry plus the clock skew. Everything else goes to full validation.
/// </summary>
public sealed class ValidatedTokensTests
{
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_token_is_accepted_from_the_cache_only_while_validation_would_accept_it()
    {
        // Steps: remember token i expiring in s seconds, move the clock by s seconds, or look token i up.
        var step = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 4], Gen.Int[-60, 600]);
        step.Array[1, 30].Sample(steps =>
        {
            var clock = new ManualClock(Start);
            var cache = new ValidatedTokens(clock, Skew);
            var model = new Dictionary<string, DateTimeOffset>();
            foreach (var (kind, token, seconds) in steps)
            {
                var value = $"header.payload{token}.signature";
                switch (kind)
                {
                    case 0:
                        var validTo = clock.GetUtcNow().AddSeconds(seconds);
                        cache.Remember(value, Principal(value), validTo.UtcDateTime);
                        model[value] = validTo + Skew;
                        break;
                    case 1:
                        clock.Now = clock.Now.AddSeconds(Math.Abs(seconds));
                        break;
                    default:
                        var accepted = cache.TryGet($"Bearer {value}", out var principal);
                        Assert.Equal(model.TryGetValue(value, out var until) && clock.GetUtcNow() <= until, accepted);
                        if (accepted)
                        {
                            Assert.Equal(value, principal.FindFirstValue("token"));
                        }
                        break;
                }
            }
        }, iter: Properties.Iterations);
    }

    [Theory]
    [InlineData("Bearer abc", true)]
    [InlineData("bearer abc", true)]
    [InlineData("Bearer  abc ", true)]
    [InlineData("Bearer abcd", false)]
    [InlineData("Bearer ab", false)]
    [InlineData("Basic abc", false)]
    [InlineData("abc", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_same_bearer_token_matches(string? header, bool accepted)
    {
        var cache = new ValidatedTokens(new ManualClock(Start), Skew);
        cache.Remember("abc", Principal("abc"), Start.AddMinutes(5).UtcDateTime);
        Assert.Equal(accepted, cache.TryGet(header, out _));
    }

    [Fact]
    public void A_full_cache_drops_expired_tokens_and_never_grows_past_its_capacity()
    {
        var clock = new ManualClock(Start);
        var cache = new ValidatedTokens(clock, Skew, capacity: 3);
        for (var i = 0; i < 3; i++)
        {
            cache.Remember($"t{i}", Principal($"t{i}"), Start.AddMinutes(1).UtcDateTime);
        }
        cache.Remember("t3", Principal("t3"), Start.AddMinutes(1).UtcDateTime);
        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet("Bearer t3", out _));

        clock.Now = Start.AddMinutes(2);
        cache.Remember("t4", Principal("t4"), Start.AddMinutes(5).UtcDateTime);
        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("Bearer t4", out _));
    }

    [Fact]
    public void A_token_without_expiry_is_not_kept()
    {
        var cache = new ValidatedTokens(new ManualClock(Start), Skew);
        cache.Remember("abc", Principal("abc"), DateTime.MinValue);
        Assert.False(cache.TryGet("Bearer abc", out _));
    }

    private static ClaimsPrincipal Principal(string token) => new(new ClaimsIdentity([new Claim("token", token)], "test"));

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
