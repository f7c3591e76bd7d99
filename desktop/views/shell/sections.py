"""The sidebar's sections: which page, which icon, and which permission shows it."""
import importlib
from dataclasses import dataclass

from desktop.services.shared import permissions


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    icon: str  # qtawesome name
    permission: str | None  # None: every signed-in user
    module: str
    class_name: str

    def create(self, session, parent=None):
        """Import the page only when first shown, keeping start-up light."""
        page_class = getattr(importlib.import_module(self.module), self.class_name)
        return page_class(session, parent)


SECTIONS = [
    Section("beranda", "Beranda", "fa5s.home", None, "desktop.views.shell.home_page", "HomePage"),
    Section("tugas", "Tugas Saya", "fa5s.tasks", "applications.view",
            "desktop.views.applications.tasks_page", "TasksPage"),
    Section("permohonan", "Permohonan", "fa5s.folder-open", "applications.view",
            "desktop.views.applications.applications_page", "ApplicationsPage"),
    Section("pemohon", "Data Pemohon", "fa5s.address-card", "applications.view",
            "desktop.views.applications.people_page", "PeoplePage"),
    Section("lks", "Daftar LKS", "fa5s.hands-helping", "lks.view",
            "desktop.views.lks.registry_page", "LksRegistryPage"),
    Section("izin", "Izin & Rekomendasi", "fa5s.stamp", "applications.view",
            "desktop.views.permits.permits_page", "PermitsPage"),
    Section("lembaga", "Lembaga Rujukan", "fa5s.hospital", "applications.view",
            "desktop.views.referrals.institutions_page", "InstitutionsPage"),
    Section("singgah", "Rumah Singgah", "fa5s.bed", "applications.view",
            "desktop.views.referrals.shelter_page", "ShelterPage"),
    Section("atensi", "ATENSI", "fa5s.hand-holding-heart", "applications.view",
            "desktop.views.referrals.atensi_page", "AtensiPage"),
    Section("stok", "Stok Bantuan", "fa5s.boxes", "stock.view",
            "desktop.views.stock.stock_page", "StockPage"),
    Section("pengaduan", "Pengaduan", "fa5s.comments", "complaints.view",
            "desktop.views.complaints.complaints_page", "ComplaintsPage"),
    Section("skm", "Survei Kepuasan", "fa5s.smile", "survey.view",
            "desktop.views.survey.survey_page", "SurveyPage"),
    Section("laporan", "Laporan", "fa5s.chart-bar", "reports.view",
            "desktop.views.reports.reports_page", "ReportsPage"),
    Section("surat", "Surat", "fa5s.envelope-open-text", "letters.view",
            "desktop.views.letters.letters_page", "LettersPage"),
    Section("verifikasi", "Verifikasi Surat", "fa5s.qrcode", None,
            "desktop.views.letters.verify_page", "VerifyPage"),
    Section("katalog", "Katalog Layanan", "fa5s.book-open", "catalog.view",
            "desktop.views.catalog.catalog_page", "CatalogPage"),
    Section("jadwal", "Jadwal Layanan", "fa5s.calendar-check", "schedule.view",
            "desktop.views.schedule.schedule_page", "SchedulePage"),
    Section("kalender", "Hari Kerja & Libur", "fa5s.calendar-alt", None,
            "desktop.views.admin.holidays_page", "HolidaysPage"),
    Section("templat", "Templat & Tanda Tangan", "fa5s.file-signature", "templates.manage",
            "desktop.views.letters.letter_settings_page", "LetterSettingsPage"),
    Section("pengguna", "Pengguna", "fa5s.users", "users.manage",
            "desktop.views.admin.users_page", "UsersPage"),
    Section("profil", "Profil Kantor", "fa5s.building", "office.edit",
            "desktop.views.admin.office_page", "OfficePage"),
    Section("pengaturan", "Pengaturan", "fa5s.cog", "settings.edit",
            "desktop.views.admin.settings_page", "SettingsPage"),
    Section("audit", "Jejak Audit", "fa5s.history", "audit.view",
            "desktop.views.admin.audit_page", "AuditPage"),
]


def visible_sections(user) -> list[Section]:
    return [s for s in SECTIONS if s.permission is None or permissions.can(user, s.permission)]
