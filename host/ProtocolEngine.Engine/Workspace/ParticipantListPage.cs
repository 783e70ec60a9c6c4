namespace ProtocolEngine.Engine.Workspace;

/// <summary>
/// Which participants to list: <see cref="Text"/> matches the id, site or initials (case-insensitive),
/// <see cref="Status"/> a status (screening, eligible, ineligible, randomized, withdrawn); one page from <see cref="Offset"/>.
/// </summary>
public sealed record ParticipantQuery(string? Text = null, string? Status = null, int Offset = 0, int Count = 100);

/// <summary>One page of matching participants and how many match in all.</summary>
public sealed record ParticipantListPage(IReadOnlyList<ParticipantRow> Rows, int Total, int Offset);

/// <summary>A participant as a list shows them.</summary>
public sealed record ParticipantRow(string Id, string SiteId, string Initials, string Sex, int BirthYear, string Status, DateOnly RegisteredOn, DateOnly? ConsentedOn);

/// <summary>A registration: site, initials, birth date, sex (female, male, other) and the date of informed consent.</summary>
public sealed record RegistrationRequest(string SiteId, string Initials, DateOnly BirthDate, string Sex, DateOnly? ConsentedOn);
