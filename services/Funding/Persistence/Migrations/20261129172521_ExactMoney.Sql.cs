using System.Globalization;
using Programmes.ReferenceData;

#nullable disable

namespace Programmes.Funding.Persistence.Migrations
{
    public partial class ExactMoney
    {
        /// <summary>The currencies whose minor unit is not the cent, from the same ISO 4217 table the API validates with.</summary>
        private static string MinorUnitCases => string.Join(" ", Reference.Currencies.Values
            .Where(c => c.MinorUnits != 2)
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"WHEN '{c.Code}' THEN {c.MinorUnits}")));

        /// <summary>
        /// Brings existing rows under the money rule (docs/money.md), reporting every change with RAISE NOTICE:
        /// rounds half to even (rates to 6 decimals, amounts to their currency's minor units, USD to cents); where
        /// rounding made a payment's allocations draw more than it received, gives the excess back from its newest
        /// allocations (support cost first); where it put a programme above its budget, releases the excess from its
        /// newest allocations; then recomputes every payment's and programme's sums from the allocations. Nothing
        /// received is removed: a payment keeps its amount, rounded to its currency, and what it no longer funds
        /// stays available to allocate.
        /// </summary>
        private static string DataFixSql => $$"""
            CREATE OR REPLACE FUNCTION pg_temp.minor_units(c text) RETURNS integer LANGUAGE sql IMMUTABLE AS $f$
                SELECT CASE c {{MinorUnitCases}} ELSE 2 END
            $f$;
            CREATE OR REPLACE FUNCTION pg_temp.round_even(v numeric, d integer) RETURNS numeric LANGUAGE sql IMMUTABLE AS $f$
                SELECT CASE
                    WHEN abs(v * power(10::numeric, d) - trunc(v * power(10::numeric, d))) = 0.5
                        THEN round((trunc(v * power(10::numeric, d))
                            + CASE WHEN mod(trunc(v * power(10::numeric, d)), 2) = 0 THEN 0 ELSE sign(v) END) / power(10::numeric, d), d)
                    ELSE round(v, d)
                END
            $f$;

            DO $fix$
            DECLARE
                r record;
                a record;
                n bigint;
                excess numeric;
                cut numeric;
                cut_direct numeric;
                received_before numeric;
                received_after numeric;
            BEGIN
                UPDATE exchange_rates SET units_per_usd = pg_temp.round_even(units_per_usd, 6)
                    WHERE units_per_usd <> pg_temp.round_even(units_per_usd, 6);
                GET DIAGNOSTICS n = ROW_COUNT;
                IF n > 0 THEN RAISE NOTICE 'exact money: % exchange rates rounded to 6 decimals', n; END IF;

                FOR r IN
                    SELECT 'pledges' AS t, currency, count(*) AS n, sum(amount - pg_temp.round_even(amount, pg_temp.minor_units(currency))) AS residue
                        FROM pledges WHERE amount <> pg_temp.round_even(amount, pg_temp.minor_units(currency)) GROUP BY currency
                    UNION ALL
                    SELECT 'payments', currency, count(*), sum(amount - pg_temp.round_even(amount, pg_temp.minor_units(currency)))
                        FROM payments WHERE amount <> pg_temp.round_even(amount, pg_temp.minor_units(currency)) GROUP BY currency
                    UNION ALL
                    SELECT 'in_kind_contributions', currency, count(*), sum(estimated_value - pg_temp.round_even(estimated_value, pg_temp.minor_units(currency)))
                        FROM in_kind_contributions WHERE estimated_value <> pg_temp.round_even(estimated_value, pg_temp.minor_units(currency)) GROUP BY currency
                LOOP
                    RAISE NOTICE 'exact money: % rows of % in % rounded to the minor unit; residue % %', r.n, r.t, r.currency, r.residue, r.currency;
                END LOOP;
                UPDATE pledges SET amount = pg_temp.round_even(amount, pg_temp.minor_units(currency))
                    WHERE amount <> pg_temp.round_even(amount, pg_temp.minor_units(currency));
                UPDATE payments SET amount = pg_temp.round_even(amount, pg_temp.minor_units(currency))
                    WHERE amount <> pg_temp.round_even(amount, pg_temp.minor_units(currency));
                UPDATE in_kind_contributions SET estimated_value = pg_temp.round_even(estimated_value, pg_temp.minor_units(currency))
                    WHERE estimated_value <> pg_temp.round_even(estimated_value, pg_temp.minor_units(currency));

                SELECT coalesce(sum(amount_usd), 0) INTO received_before FROM payments;
                UPDATE pledges SET amount_usd = pg_temp.round_even(amount_usd, 2) WHERE amount_usd <> pg_temp.round_even(amount_usd, 2);
                UPDATE payments SET amount_usd = pg_temp.round_even(amount_usd, 2) WHERE amount_usd <> pg_temp.round_even(amount_usd, 2);
                UPDATE in_kind_contributions SET estimated_value_usd = pg_temp.round_even(estimated_value_usd, 2)
                    WHERE estimated_value_usd <> pg_temp.round_even(estimated_value_usd, 2);
                UPDATE programmes SET budget_usd = pg_temp.round_even(budget_usd, 2) WHERE budget_usd <> pg_temp.round_even(budget_usd, 2);
                UPDATE allocations SET amount_usd = pg_temp.round_even(amount_usd, 2), support_cost_usd = pg_temp.round_even(support_cost_usd, 2),
                        released_usd = pg_temp.round_even(released_usd, 2)
                    WHERE amount_usd <> pg_temp.round_even(amount_usd, 2) OR support_cost_usd <> pg_temp.round_even(support_cost_usd, 2)
                        OR released_usd <> pg_temp.round_even(released_usd, 2);
                GET DIAGNOSTICS n = ROW_COUNT;
                SELECT coalesce(sum(amount_usd), 0) INTO received_after FROM payments;
                RAISE NOTICE 'exact money: payments received % USD before and % USD after rounding to cents (residue % USD); % allocations rounded',
                    received_before, received_after, received_before - received_after, n;

                FOR r IN
                    SELECT p.id, coalesce(p.amount_usd, 0) AS received, sum(x.amount_usd + x.support_cost_usd) AS drawn
                    FROM payments p JOIN allocations x ON x.payment_id = p.id
                    GROUP BY p.id HAVING sum(x.amount_usd + x.support_cost_usd) > coalesce(p.amount_usd, 0)
                LOOP
                    excess := r.drawn - r.received;
                    RAISE NOTICE 'exact money: payment % drew % USD of % USD received; % USD given back', r.id, r.drawn, r.received, excess;
                    FOR a IN SELECT id, amount_usd, support_cost_usd FROM allocations WHERE payment_id = r.id ORDER BY allocated_at DESC, ordinal DESC LOOP
                        EXIT WHEN excess <= 0;
                        cut := least(excess, a.support_cost_usd);
                        cut_direct := least(excess - cut, a.amount_usd);
                        UPDATE allocations SET support_cost_usd = support_cost_usd - cut, amount_usd = amount_usd - cut_direct,
                            released_usd = released_usd + cut_direct WHERE id = a.id;
                        excess := excess - cut - cut_direct;
                    END LOOP;
                END LOOP;

                FOR r IN
                    SELECT p.programme_id, p.budget_usd, sum(x.amount_usd) AS allocated
                    FROM programmes p JOIN allocations x ON x.programme_id = p.programme_id
                    GROUP BY p.programme_id HAVING sum(x.amount_usd) > p.budget_usd
                LOOP
                    excess := r.allocated - r.budget_usd;
                    RAISE NOTICE 'exact money: programme % held % USD against a % USD budget; % USD released', r.programme_id, r.allocated, r.budget_usd, excess;
                    FOR a IN SELECT id, amount_usd FROM allocations WHERE programme_id = r.programme_id AND amount_usd > 0 ORDER BY ordinal DESC LOOP
                        EXIT WHEN excess <= 0;
                        cut := least(excess, a.amount_usd);
                        UPDATE allocations SET amount_usd = amount_usd - cut, released_usd = released_usd + cut WHERE id = a.id;
                        excess := excess - cut;
                    END LOOP;
                END LOOP;

                UPDATE programmes p SET allocated_usd = s.direct, support_cost_usd = s.support
                FROM (SELECT q.programme_id, coalesce(sum(x.amount_usd), 0) AS direct, coalesce(sum(x.support_cost_usd), 0) AS support
                      FROM programmes q LEFT JOIN allocations x ON x.programme_id = q.programme_id GROUP BY q.programme_id) s
                WHERE s.programme_id = p.programme_id AND (p.allocated_usd <> s.direct OR p.support_cost_usd <> s.support);
                GET DIAGNOSTICS n = ROW_COUNT;
                IF n > 0 THEN RAISE NOTICE 'exact money: % programmes'' allocated and support sums recomputed from their allocations', n; END IF;

                UPDATE payments p SET allocated_usd = s.drawn
                FROM (SELECT q.id, coalesce(sum(x.amount_usd + x.support_cost_usd), 0) AS drawn
                      FROM payments q LEFT JOIN allocations x ON x.payment_id = q.id GROUP BY q.id) s
                WHERE s.id = p.id AND p.allocated_usd <> s.drawn;
                GET DIAGNOSTICS n = ROW_COUNT;
                IF n > 0 THEN RAISE NOTICE 'exact money: % payments'' allocated sums recomputed from their allocations', n; END IF;

                SELECT count(*) INTO n FROM payments WHERE allocated_usd > coalesce(amount_usd, 0);
                IF n > 0 THEN RAISE EXCEPTION 'exact money: % payments would still draw more than they received', n; END IF;
                SELECT count(*), coalesce(sum(budget_usd - allocated_usd), 0) INTO n, excess FROM programmes WHERE fully_funded AND allocated_usd < budget_usd;
                IF n > 0 THEN RAISE NOTICE 'exact money: % fully funded programmes are % USD short after rounding; the next budget change reopens them', n, excess; END IF;
            END
            $fix$;
            """;
    }
}
