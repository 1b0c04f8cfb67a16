namespace OneThing.Host.Cases.Calendar;

/// <summary>One statutory holiday span (法定节假日放假), both ends included, as the State Council publishes it.</summary>
public sealed record Holiday(string Name, string NameEn, DateOnly From, DateOnly To);
