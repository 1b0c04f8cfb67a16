using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneThing.Host.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SandboxOutsideSystems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SandboxLicencePulls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HolderId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Requester = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PulledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LicenceId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    LicenceSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxLicencePulls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SandboxLicences",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HolderId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    HolderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MemberIds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    IssuerCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IssuerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StatusChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StatusReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SupersedesId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    SupersededById = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Data = table.Column<string>(type: "text", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RevokeIdempotencyKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxLicences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SandboxSmsMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PhoneNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxSmsMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SandboxLicencePulls_CaseNumber",
                table: "SandboxLicencePulls",
                column: "CaseNumber");

            migrationBuilder.CreateIndex(
                name: "IX_SandboxLicencePulls_HolderId_PulledAt",
                table: "SandboxLicencePulls",
                columns: new[] { "HolderId", "PulledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SandboxLicences_HolderId_Type",
                table: "SandboxLicences",
                columns: new[] { "HolderId", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_SandboxLicences_IdempotencyKey",
                table: "SandboxLicences",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SandboxLicences_RevokeIdempotencyKey",
                table: "SandboxLicences",
                column: "RevokeIdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SandboxSmsMessages_IdempotencyKey",
                table: "SandboxSmsMessages",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SandboxSmsMessages_PhoneNumber_AcceptedAt",
                table: "SandboxSmsMessages",
                columns: new[] { "PhoneNumber", "AcceptedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SandboxLicencePulls");

            migrationBuilder.DropTable(
                name: "SandboxLicences");

            migrationBuilder.DropTable(
                name: "SandboxSmsMessages");
        }
    }
}
