using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneThing.Host.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MatterSuspension : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SuspendedAt",
                table: "CaseMatters",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SuspensionBookmarkId",
                table: "CaseMatters",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspensionReason",
                table: "CaseMatters",
                type: "nvarchar(1000)",
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
