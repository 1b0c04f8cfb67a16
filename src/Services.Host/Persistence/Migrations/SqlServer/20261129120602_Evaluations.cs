using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneThing.Host.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Evaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseNumber = table.Column<string>(type: "nvarchar(21)", maxLength: 21, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    FollowUpOf = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Channel = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Overall = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Bad = table.Column<bool>(type: "bit", nullable: false),
                    Levels = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Matters = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    LeadDepartment = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ApplicantIdNumber = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: false),
                    ApplicantName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AgentUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    AgentName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    AgentRole = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    SubmittedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    SubmittedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evaluations_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Rectifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EvaluationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseNumber = table.Column<string>(type: "nvarchar(21)", maxLength: 21, nullable: false),
                    DepartmentCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    MatterCodes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ForOverall = table.Column<bool>(type: "bit", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CallBackDueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FixDueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CalendarVersion = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    DeadlinesProvisional = table.Column<bool>(type: "bit", nullable: false),
                    CalledBackAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CalledBackBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    CalledBackByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CallBackNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    FixedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FixedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    FixedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    FixNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rectifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rectifications_Evaluations_EvaluationId",
                        column: x => x.EvaluationId,
                        principalTable: "Evaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_At",
                table: "Evaluations",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_CaseId_Kind",
                table: "Evaluations",
                columns: new[] { "CaseId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_CaseId",
                table: "Rectifications",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_DepartmentCode_Status_FixDueAt",
                table: "Rectifications",
                columns: new[] { "DepartmentCode", "Status", "FixDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_EvaluationId_DepartmentCode",
                table: "Rectifications",
                columns: new[] { "EvaluationId", "DepartmentCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Rectifications");

            migrationBuilder.DropTable(
                name: "Evaluations");
        }
    }
}
