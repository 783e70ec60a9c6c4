using ProtocolEngine.Engine.Storage;

namespace ProtocolEngine.Engine.Participants;

/// <summary>A person in the trial, with the minimum identifying data the protocol asks for.</summary>
public sealed record Participant : IRecord
{
    public static string Collection => "participants";
    public string Id { get; init; } = "";
    string? IRecord.ParticipantId => Id;
    public string SiteId { get; init; } = "";
    public int ScreeningNumber { get; init; }
    public string Initials { get; init; } = "";
    public int BirthYear { get; init; }

    /// <summary>The birth date when it was registered (else only the year is known).</summary>
    public DateOnly? BirthDate { get; init; }
    public Sex Sex { get; init; }
    public DateOnly? ConsentedOn { get; init; }
    public ParticipantStatus Status { get; init; } = ParticipantStatus.Screening;
    public DateOnly RegisteredOn { get; init; }
    public string ProtocolHash { get; init; } = "";
}

public enum Sex { Female, Male, Other }

public enum ParticipantStatus { Screening, Eligible, Ineligible, Randomized, Withdrawn }
