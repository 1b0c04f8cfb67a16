using System.Text;
using OneThing.Host.Documents.NationalSeal;

namespace OneThing.UnitTests.Documents;

public sealed class NationalSealTests : IDisposable
{
    private const string Police = "police";
    private const string PoliceName = "菏泽市公安局";
    private static readonly NationalSealMaker SharedMaker = NationalSealMaker.Create();
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("%PDF-1.7 出生医学证明 result document");

    private readonly string directory = Path.Combine(Path.GetTempPath(), $"onething-sm2-{Guid.NewGuid():N}");
    private readonly NationalSealService service = new(SharedMaker);

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Sm3_of_abc_is_the_standard_vector()
    {
        Assert.Equal(
            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
            Convert.ToHexStringLower(NationalAlgorithms.Sm3("abc"u8)));
    }

    [Fact]
    public void A_signature_verifies_and_names_the_seal_and_document()
    {
        var signature = service.Sign(Police, PoliceName, "DOC-2026-0001", Document);

        var check = NationalSealService.Verify(signature, Document, [SharedMaker.Certificate]);

        Assert.True(check.IsValid, check.Reason);
        Assert.Null(check.FailedStep);
        Assert.Equal(PoliceName, check.SealName);
        Assert.Equal("DOC-2026-0001", check.DocumentId);
        Assert.Equal(NationalAlgorithms.Sm3(Document), check.Signature!.DataHash);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(Document), check.Signature.Sha256Hash);
        Assert.Equal("svg", check.Signature.Seal.Content.Picture.Type);
        Assert.Contains(PoliceName, Encoding.UTF8.GetString(check.Signature.Seal.Content.Picture.Data));
    }

    [Fact]
    public void One_changed_byte_of_the_document_fails_at_the_document_hash()
    {
        var signature = service.Sign(Police, PoliceName, "DOC-1", Document);
        var changed = Document.ToArray();
        changed[^1] ^= 0x01;

        var check = service.Verify(signature, changed);

        Assert.Equal(NationalSealStep.DocumentHash, check.FailedStep);
        Assert.NotNull(check.ReasonZh);
    }

    [Fact]
    public void A_changed_signature_value_fails_at_the_signature_value()
    {
        var signature = service.Sign(Police, PoliceName, "DOC-1", Document);
        var ses = SesSignature.FromDer(signature);
        var forged = (ses with { DocumentId = "DOC-2" }).ToDer();

        Assert.Equal(NationalSealStep.SignatureValue, service.Verify(forged, Document).FailedStep);
    }

    [Fact]
    public void Bytes_that_are_not_a_signature_fail_at_the_structure()
    {
        Assert.Equal(NationalSealStep.Structure, service.Verify(Document, Document).FailedStep);
    }

    [Fact]
    public void A_tampered_seal_picture_fails_at_the_seal_signature()
    {
        var (signer, seal) = service.SealOf(Police, PoliceName);
        var tampered = seal with { Content = seal.Content with { Picture = SealPicture.Svg("菏泽市某某局") } };

        // The department's own key signs: the signature value and certificate list pass, the maker's signature not.
        var signature = SesSignature.Create(tampered, signer, "DOC-1", Document, DateTimeOffset.UtcNow).ToDer();

        Assert.Equal(NationalSealStep.SealSignature, service.Verify(signature, Document).FailedStep);
    }

    [Fact]
    public void A_signer_not_in_the_seals_certificate_list_fails_at_that_step()
    {
        var (_, policeSeal) = service.SealOf(Police, PoliceName);
        var (healthSigner, _) = service.SealOf("health", "菏泽市卫生健康委员会");

        var signature = SesSignature.Create(policeSeal, healthSigner, "DOC-1", Document, DateTimeOffset.UtcNow).ToDer();

        Assert.Equal(NationalSealStep.SignerInSeal, service.Verify(signature, Document).FailedStep);
    }

    [Fact]
    public void A_seal_maker_that_is_not_trusted_fails()
    {
        var signature = service.Sign(Police, PoliceName, "DOC-1", Document);
        var otherMaker = NationalSealMaker.Create();

        var check = NationalSealService.Verify(signature, Document, [otherMaker.Certificate]);

        Assert.Equal(NationalSealStep.MakerTrusted, check.FailedStep);
        Assert.Equal(NationalSealStep.MakerTrusted, NationalSealService.Verify(signature, Document, []).FailedStep);
    }

    [Fact]
    public void A_seal_used_outside_its_validity_window_fails()
    {
        var signer = SharedMaker.Issue(Police, PoliceName);
        var now = DateTimeOffset.UtcNow;
        var expired = SharedMaker.MakeSeal(signer, SealPicture.Svg(PoliceName), now.AddDays(-10), now.AddHours(-1));

        var signature = SesSignature.Create(expired, signer, "DOC-1", Document, now).ToDer();

        Assert.Equal(NationalSealStep.SealValidity, service.Verify(signature, Document).FailedStep);
        var inTime = SesSignature.Create(expired, signer, "DOC-1", Document, now.AddHours(-2)).ToDer();
        Assert.True(service.Verify(inTime, Document).IsValid);
    }

    [Fact]
    public void The_service_renews_a_seal_once_it_has_expired()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var maker = NationalSealMaker.Create(clock);
        var sealing = new NationalSealService(maker, time: clock);
        var first = sealing.SealOf(Police, PoliceName).Seal;

        clock.Advance(NationalSealMaker.SealLifetime + TimeSpan.FromDays(1));
        var signature = sealing.Sign(Police, PoliceName, "DOC-1", Document);

        var check = NationalSealService.Verify(signature, Document, [maker.Certificate]);
        Assert.True(check.IsValid, check.Reason);
        Assert.NotEqual(first.Content.EsId, check.Signature!.Seal.Content.EsId);
    }

    [Fact]
    public void Seal_and_signature_round_trip_through_der()
    {
        var der = service.Sign(Police, PoliceName, "DOC-1", Document);

        var ses = SesSignature.FromDer(der);
        var seal = SealInfo.FromDer(ses.Seal.ToDer());

        Assert.Equal(der, ses.ToDer());
        Assert.Equal(ses.Seal.ToDer(), seal.ToDer());
        Assert.Equal(SealHeader.Current, seal.Content.Header);
        Assert.Equal(PoliceName, seal.Content.Property.Name);
        Assert.Equal(NationalAlgorithms.Sm3WithSm2Oid, seal.SignatureAlgorithm);
        Assert.Equal(NationalAlgorithms.Sm3WithSm2Oid, ses.SignatureAlgorithm);
        Assert.Equal(TimeSpan.Zero, ses.SignedAt.Offset);
        Assert.Equal(0, ses.SignedAt.Ticks % TimeSpan.TicksPerSecond);
    }

    [Fact]
    public void Development_keys_kept_in_a_directory_are_reused_by_the_next_instance()
    {
        var first = new NationalSealService(NationalSealMaker.OpenOrCreate(directory), directory);
        var signature = first.Sign(Police, PoliceName, "DOC-1", Document);
        var second = new NationalSealService(NationalSealMaker.OpenOrCreate(directory), directory);

        Assert.Equal(first.Maker.Certificate, second.Maker.Certificate);
        Assert.Equal(first.SealOf(Police, PoliceName).Signer.Certificate, second.SealOf(Police, PoliceName).Signer.Certificate);
        Assert.True(second.Verify(signature, Document).IsValid);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(Path.Combine(directory, $"{Police}.sm2.development.pem")));
    }
}
