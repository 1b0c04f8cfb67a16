using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneThing.Host.Persistence.Migrations.SqlServer
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
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Message",
                table: "WorkflowIncidents",
                type: "nvarchar(max)",
                maxLength: 12000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(2000)",
                oldMaxLength: 2000);

            migrationBuilder.AlterColumn<string>(
                name: "FixNote",
                table: "Rectifications",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "CallBackNote",
                table: "Rectifications",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "LastError",
                table: "OutboxMessages",
                type: "nvarchar(max)",
                maxLength: 12000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "NotificationDeliveries",
                type: "nvarchar(max)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(4000)",
                oldMaxLength: 4000);

            migrationBuilder.AlterColumn<string>(
                name: "GrantorIdNumber",
                table: "LicenceConsents",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(18)",
                oldMaxLength: 18);

            migrationBuilder.AlterColumn<string>(
                name: "GranteeIdNumber",
                table: "LicenceConsents",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(18)",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<string>(
                name: "GranteeIdHash",
                table: "LicenceConsents",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GrantorIdHash",
                table: "LicenceConsents",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Comment",
                table: "Evaluations",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ApplicantIdNumber",
                table: "Evaluations",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(18)",
                oldMaxLength: 18);

            migrationBuilder.AddColumn<string>(
                name: "ApplicantIdHash",
                table: "Evaluations",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "SubjectIdNumber",
                table: "Cases",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(18)",
                oldMaxLength: 18);

            migrationBuilder.AlterColumn<string>(
                name: "Authorisation",
                table: "Cases",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(4000)",
                oldMaxLength: 4000,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectIdHash",
                table: "Cases",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "HolderIdNumber",
                table: "CaseMaterials",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HolderIdHash",
                table: "CaseMaterials",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Detail",
                table: "CaseEvents",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(4000)",
                oldMaxLength: 4000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PhoneNumber",
                table: "AspNetUsers",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "IdNumber",
                table: "AspNetUsers",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(18)",
                oldMaxLength: 18,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdNumberHash",
                table: "AspNetUsers",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditChainHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false),
                    LastHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ChainedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ChainedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ActorId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    CaseNumber = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Action = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    EntityType = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    EntityKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Changes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Detail = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    RequestHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ResponseHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Sequence = table.Column<long>(type: "bigint", nullable: true),
                    PreviousHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
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
                unique: true,
                filter: "[Sequence] IS NOT NULL");
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
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(4000)",
                oldMaxLength: 4000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Message",
                table: "WorkflowIncidents",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldMaxLength: 12000);

            migrationBuilder.AlterColumn<string>(
                name: "FixNote",
                table: "Rectifications",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "CallBackNote",
                table: "Rectifications",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "LastError",
                table: "OutboxMessages",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldMaxLength: 12000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "NotificationDeliveries",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)");

            migrationBuilder.AlterColumn<string>(
                name: "GrantorIdNumber",
                table: "LicenceConsents",
                type: "nvarchar(18)",
                maxLength: 18,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "GranteeIdNumber",
                table: "LicenceConsents",
                type: "nvarchar(18)",
                maxLength: 18,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "Comment",
                table: "Evaluations",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ApplicantIdNumber",
                table: "Evaluations",
                type: "nvarchar(18)",
                maxLength: 18,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "SubjectIdNumber",
                table: "Cases",
                type: "nvarchar(18)",
                maxLength: 18,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "Authorisation",
                table: "Cases",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "HolderIdNumber",
                table: "CaseMaterials",
                type: "nvarchar(18)",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Detail",
                table: "CaseEvents",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PhoneNumber",
                table: "AspNetUsers",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "IdNumber",
                table: "AspNetUsers",
                type: "nvarchar(18)",
                maxLength: 18,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
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
