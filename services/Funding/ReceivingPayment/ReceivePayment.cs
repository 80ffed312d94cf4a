using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Programmes.Contracts;
using Programmes.Funding.Model;
using Programmes.Funding.Persistence;
using Programmes.Messaging.Idempotency;
using Programmes.ReferenceData;
using Programmes.ServiceDefaults;

namespace Programmes.Funding.ReceivingPayment;

public sealed record ReceivePayment(decimal? Amount, string? Currency, DateOnly? ValueDate, string? BankReference)
{
    public bool TryValidate([NotNullWhen(true)] out PaymentReceipt? receipt, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        var v = new Validation();
        // Money and Currency report a missing value themselves; the placeholders never leave Yields.
        v.Money(Amount, Currency, "amount");
        v.Currency(Currency, "currency");
        var valueDate = v.Present(ValueDate, "valueDate");
        var bankReference = v.Text(BankReference, "bankReference", 100);
        return v.Yields(new PaymentReceipt(Amount ?? 0, Currency ?? "", valueDate, bankReference), out receipt, out problem);
    }
}

public sealed record PaymentReceipt(decimal Amount, string Currency, DateOnly ValueDate, string BankReference);

public static class ReceivingPaymentEndpoint
{
    public static IEndpointRouteBuilder MapReceivingPayment(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/funding/pledges/{id:guid}/payments", Handle).RequireRoles(Roles.Donor, Roles.Staff).Idempotent().WithTags("Contributions");
        return app;
    }

    private static async Task<Results<Created<PaymentView>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, ReceivePayment body, ClaimsPrincipal user, FundingDb db, Allocator allocator, IOptions<FundingOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!body.TryValidate(out var receipt, out var problem))
        {
            return problem;
        }

        // Payments and allocations take turns, so two payments cannot both fit what is left of one pledge.
        await allocator.LockAsync(cancellationToken);
        var pledge = await db.Pledges.Include(p => p.Donor).Include(p => p.Payments).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pledge is null || !user.GetCaller().MayActFor(pledge.Donor))
        {
            return Problem.NotFound("The pledge");
        }
        if (receipt.Currency != pledge.Currency)
        {
            return new Validation().Add("currency", $"must be the pledge's currency, {pledge.Currency}.").ToProblem();
        }
        var outstanding = pledge.Amount - pledge.Payments.Sum(p => p.Amount);
        var tolerance = pledge.Amount * options.Value.OverpaymentTolerance;
        if (receipt.Amount > outstanding + tolerance)
        {
            return Problem.Conflict($"The payment of {receipt.Amount} {pledge.Currency} exceeds what is left of the pledge " +
                $"({Money.Round(pledge.Currency, outstanding)} {pledge.Currency}, tolerance {Money.Round(pledge.Currency, tolerance)}).");
        }

        var now = clock.GetUtcNow();
        var payment = new Payment
        {
            Id = Guid.CreateVersion7(now),
            PledgeId = pledge.Id,
            Pledge = pledge,
            DonorId = pledge.DonorId,
            Amount = receipt.Amount,
            Currency = pledge.Currency,
            AmountUsd = await db.ToUsdAsync(receipt.Amount, pledge.Currency, receipt.ValueDate, cancellationToken),
            ValueDate = receipt.ValueDate,
            RateMonth = Conversion.RateMonth(receipt.ValueDate),
            BankReference = receipt.BankReference,
            ReceivedAt = now,
        };
        await db.RecordAsync(payment, pledge.DonorId, new PaymentReceived(payment.Id, pledge.Id, pledge.DonorId, payment.Amount, payment.Currency,
            payment.AmountUsd, payment.ValueDate, now), pledge.Id, cancellationToken);
        if (payment.AmountUsd is not null)
        {
            await allocator.AllocateWaitingAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Created($"/api/funding/pledges/{pledge.Id}/payments/{payment.Id}", PaymentView.From(payment));
    }
}
