using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneThing.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MatterSuspension : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SuspendedAt",
                table: "CaseMatters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SuspensionBookmarkId",
                table: "CaseMatters",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspensionReason",
                table: "CaseMatters",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SuspendedAt",
                table: "CaseMatters");

            migrationBuilder.DropColumn(
                name: "SuspensionBookmarkId",
                table: "CaseMatters");

            migrationBuilder.DropColumn(
                name: "SuspensionReason",
                table: "CaseMatters");
        }
    }
}
