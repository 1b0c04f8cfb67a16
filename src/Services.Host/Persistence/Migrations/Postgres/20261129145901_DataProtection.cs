using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OneThing.Host.Persistence.Migrations.Postgres
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

            migrationBuilder.EnsureSchema(
                name: "sandbox");

            migrationBuilder.RenameTable(
                name: "SandboxSmsMessages",
                newName: "SandboxSmsMessages",
                newSchema: "sandbox");

            migrationBuilder.RenameTable(
                name: "SandboxLicences",
                newName: "SandboxLicences",
                newSchema: "sandbox");

            migrationBuilder.RenameTable(
                name: "SandboxLicencePulls",
                newName: "SandboxLicencePulls",
                newSchema: "sandbox");

            migrationBuilder.AlterColumn<string>(
                name: "Summary",
                table: "WorkflowJournal",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Message",
                table: "WorkflowIncidents",
                type: "character varying(12000)",
                maxLength: 12000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000);

            migrationBuilder.AlterColumn<string>(
                name: "FixNote",
                table: "Rectifications",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "CallBackNote",
                table: "Rectifications",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "LastError",
                table: "OutboxMessages",
                type: "character varying(12000)",
                maxLength: 12000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "NotificationDeliveries",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000);

            migrationBuilder.AlterColumn<string>(
                name: "GrantorIdNumber",
                table: "LicenceConsents",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18);

            migrationBuilder.AlterColumn<string>(
                name: "GranteeIdNumber",
                table: "LicenceConsents",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<string>(
                name: "GranteeIdHash",
                table: "LicenceConsents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GrantorIdHash",
                table: "LicenceConsents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Comment",
                table: "Evaluations",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ApplicantIdNumber",
                table: "Evaluations",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<string>(
                name: "ApplicantIdHash",
                table: "Evaluations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "SubjectIdNumber",
                table: "Cases",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18);

            migrationBuilder.AlterColumn<string>(
                name: "Authorisation",
                table: "Cases",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectIdHash",
                table: "Cases",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "HolderIdNumber",
                table: "CaseMaterials",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HolderIdHash",
                table: "CaseMaterials",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Detail",
                table: "CaseEvents",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Items",
                table: "CaseCorrections",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8000)",
                oldMaxLength: 8000);

            migrationBuilder.AlterColumn<string>(
                name: "PhoneNumber",
                table: "AspNetUsers",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "IdNumber",
                table: "AspNetUsers",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberHash",
                table: "AspNetUsers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditChainHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false),
                    LastHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChainedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ChainedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChainHeads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CaseNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EntityType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EntityKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Changes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Detail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ResponseHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Sequence = table.Column<long>(type: "bigint", nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
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

            migrationBuilder.RenameTable(
                name: "SandboxSmsMessages",
                schema: "sandbox",
                newName: "SandboxSmsMessages");

            migrationBuilder.RenameTable(
                name: "SandboxLicences",
                schema: "sandbox",
                newName: "SandboxLicences");

            migrationBuilder.RenameTable(
                name: "SandboxLicencePulls",
                schema: "sandbox",
                newName: "SandboxLicencePulls");

            migrationBuilder.AlterColumn<string>(
                name: "Summary",
                table: "WorkflowJournal",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Message",
                table: "WorkflowIncidents",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(12000)",
                oldMaxLength: 12000);

            migrationBuilder.AlterColumn<string>(
                name: "FixNote",
                table: "Rectifications",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "CallBackNote",
                table: "Rectifications",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "LastError",
                table: "OutboxMessages",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(12000)",
                oldMaxLength: 12000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "NotificationDeliveries",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "GrantorIdNumber",
                table: "LicenceConsents",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "GranteeIdNumber",
                table: "LicenceConsents",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "Comment",
                table: "Evaluations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ApplicantIdNumber",
                table: "Evaluations",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "SubjectIdNumber",
                table: "Cases",
                type: "character varying(18)",
                maxLength: 18,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "Authorisation",
                table: "Cases",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "HolderIdNumber",
                table: "CaseMaterials",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Detail",
                table: "CaseEvents",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Items",
                table: "CaseCorrections",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "PhoneNumber",
                table: "AspNetUsers",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "IdNumber",
                table: "AspNetUsers",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128,
                oldNullable: true);

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
