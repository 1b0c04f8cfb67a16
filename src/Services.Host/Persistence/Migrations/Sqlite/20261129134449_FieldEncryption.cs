using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneThing.Host.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FieldEncryption : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
