using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneThing.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DataProtection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LicenceConsents_GrantorIdNumber_GranteeIdNumber_JourneyCode",
                table: "LicenceConsents");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_IdNumber",
                table: "AspNetUsers");

            migrationBuilder.AddColumn<string>(
                name: "GranteeIdHash",
                table: "LicenceConsents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GrantorIdHash",
                table: "LicenceConsents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApplicantIdHash",
                table: "Evaluations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectIdHash",
                table: "Cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HolderIdHash",
                table: "CaseMaterials",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberHash",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditChainHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChainedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ChainedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChainHeads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EntityKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Changes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ResponseHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LicenceConsents_GranteeIdHash",
                table: "LicenceConsents",
                column: "GranteeIdHash");

            migrationBuilder.CreateIndex(
                name: "IX_LicenceConsents_GrantorIdHash",
                table: "LicenceConsents",
                column: "GrantorIdHash");

            migrationBuilder.CreateIndex(
                name: "IX_LicenceConsents_GrantorIdHash_GranteeIdHash_JourneyCode",
                table: "LicenceConsents",
                columns: new[] { "GrantorIdHash", "GranteeIdHash", "JourneyCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_ApplicantIdHash",
                table: "Evaluations",
                column: "ApplicantIdHash");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_SubjectIdHash",
                table: "Cases",
                column: "SubjectIdHash");

            migrationBuilder.CreateIndex(
                name: "IX_CaseMaterials_HolderIdHash",
                table: "CaseMaterials",
                column: "HolderIdHash");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_IdNumberHash",
                table: "AspNetUsers",
                column: "IdNumberHash");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_ActorId_OccurredAt",
                table: "AuditEvents",
                columns: new[] { "ActorId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_CaseNumber_OccurredAt",
                table: "AuditEvents",
                columns: new[] { "CaseNumber", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_OccurredAt",
                table: "AuditEvents",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Sequence",
                table: "AuditEvents",
                column: "Sequence",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditChainHeads");

            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_LicenceConsents_GranteeIdHash",
                table: "LicenceConsents");

            migrationBuilder.DropIndex(
                name: "IX_LicenceConsents_GrantorIdHash",
                table: "LicenceConsents");

            migrationBuilder.DropIndex(
                name: "IX_LicenceConsents_GrantorIdHash_GranteeIdHash_JourneyCode",
                table: "LicenceConsents");

            migrationBuilder.DropIndex(
                name: "IX_Evaluations_ApplicantIdHash",
                table: "Evaluations");

            migrationBuilder.DropIndex(
                name: "IX_Cases_SubjectIdHash",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseMaterials_HolderIdHash",
                table: "CaseMaterials");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_IdNumberHash",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "GranteeIdHash",
                table: "LicenceConsents");

            migrationBuilder.DropColumn(
                name: "GrantorIdHash",
                table: "LicenceConsents");

            migrationBuilder.DropColumn(
                name: "ApplicantIdHash",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "SubjectIdHash",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "HolderIdHash",
                table: "CaseMaterials");

            migrationBuilder.DropColumn(
                name: "IdNumberHash",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_LicenceConsents_GrantorIdNumber_GranteeIdNumber_JourneyCode",
                table: "LicenceConsents",
                columns: new[] { "GrantorIdNumber", "GranteeIdNumber", "JourneyCode" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_IdNumber",
                table: "AspNetUsers",
                column: "IdNumber");
        }
    }
}
