using ProtocolEngine.Engine.Model;
using ProtocolEngine.Engine.Scheduling;

namespace ProtocolEngine.Tests.Scheduling;

/// <summary>
/// The treatment calendar against China's official 2021 schedule (State Council notice of November
/// 2020): Mid-Autumn Festival Sep 19-21 off with Saturday Sep 18 worked; National Day Oct 1-7 off
/// with Sunday Sep 26 and Saturday Oct 9 worked.
/// </summary>
public sealed class FractionCalendarTests
{
    private static readonly Fractionation WeekdaysOnly = new()
    {
        TotalDoseGy = 30,
        Fractions = 10,
        DosePerFractionGy = 3,
        TreatmentDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        Prescription = new Prescription { Volume = "PTV", CoveragePercent = 95 },
    };

    private static readonly Site Mianyang2021 = new()
    {
        Id = "mianyang",
        Name = "Mianyang Central Hospital",
        Country = "CN",
        Holidays = [new(2021, 9, 20), new(2021, 9, 21), new(2021, 10, 1), new(2021, 10, 4), new(2021, 10, 5), new(2021, 10, 6), new(2021, 10, 7)],
        WorkingDays = [new(2021, 9, 18), new(2021, 9, 26), new(2021, 10, 9)],
    };

    public sealed class IsTreatmentDay
    {
        [Fact]
        public void Is_true_on_a_make_up_Saturday()
        {
            Assert.Equal(DayOfWeek.Saturday, new DateOnly(2021, 10, 9).DayOfWeek);
            Assert.True(FractionCalendar.IsTreatmentDay(new DateOnly(2021, 10, 9), WeekdaysOnly, Mianyang2021));
        }

        [Fact]
        public void Is_true_on_a_make_up_Sunday()
        {
            Assert.Equal(DayOfWeek.Sunday, new DateOnly(2021, 9, 26).DayOfWeek);
            Assert.True(FractionCalendar.IsTreatmentDay(new DateOnly(2021, 9, 26), WeekdaysOnly, Mianyang2021));
        }

        [Fact]
        public void Is_false_on_a_weekday_holiday()
        {
            Assert.Equal(DayOfWeek.Monday, new DateOnly(2021, 10, 4).DayOfWeek);
            Assert.False(FractionCalendar.IsTreatmentDay(new DateOnly(2021, 10, 4), WeekdaysOnly, Mianyang2021));
        }

        [Fact]
        public void Is_false_on_a_weekend_that_is_not_worked_and_true_on_an_ordinary_weekday()
        {
            Assert.False(FractionCalendar.IsTreatmentDay(new DateOnly(2021, 10, 2), WeekdaysOnly, Mianyang2021)); // Saturday of the National Day week
            Assert.False(FractionCalendar.IsTreatmentDay(new DateOnly(2021, 10, 16), WeekdaysOnly, Mianyang2021)); // an ordinary Saturday
            Assert.True(FractionCalendar.IsTreatmentDay(new DateOnly(2021, 9, 30), WeekdaysOnly, Mianyang2021));  // Thursday before it
        }

        [Fact]
        public void A_holiday_wins_over_a_working_day_on_the_same_date()
        {
            var both = Mianyang2021 with { Holidays = [.. Mianyang2021.Holidays, new DateOnly(2021, 10, 9)] };
            Assert.False(FractionCalendar.IsTreatmentDay(new DateOnly(2021, 10, 9), WeekdaysOnly, both));
        }
    }

    public sealed class Plan
    {
        [Fact]
        public void Treats_on_the_make_up_days_and_skips_the_National_Day_week()
        {
            var dates = FractionCalendar.Plan(new DateOnly(2021, 9, 22), 10, WeekdaysOnly, Mianyang2021);

            // Wed 22 - Fri 24, Sun 26 (worked), Mon 27 - Thu 30, (Oct 1-7 off), Fri Oct 8, Sat Oct 9 (worked).
            Assert.Equal(
                [new(2021, 9, 22), new(2021, 9, 23), new(2021, 9, 24), new(2021, 9, 26), new(2021, 9, 27), new(2021, 9, 28),
                 new(2021, 9, 29), new(2021, 9, 30), new(2021, 10, 8), new DateOnly(2021, 10, 9)],
                dates);
        }

        [Fact]
        public void Starts_on_a_make_up_Saturday_and_skips_the_Mid_Autumn_holidays()
        {
            var dates = FractionCalendar.Plan(new DateOnly(2021, 9, 18), 4, WeekdaysOnly, Mianyang2021);

            // Sat 18 (worked), (Sun 19 - Tue 21 off), Wed 22, Thu 23, Fri 24.
            Assert.Equal([new(2021, 9, 18), new(2021, 9, 22), new(2021, 9, 23), new DateOnly(2021, 9, 24)], dates);
        }

        [Fact]
        public void Fills_every_slot_of_a_make_up_day_with_two_fractions_a_day()
        {
            var twice = WeekdaysOnly with { FractionsPerDay = 2 };

            var dates = FractionCalendar.Plan(new DateOnly(2021, 10, 8), 4, twice, Mianyang2021);

            Assert.Equal([new(2021, 10, 8), new(2021, 10, 8), new(2021, 10, 9), new DateOnly(2021, 10, 9)], dates);
        }
    }
}
