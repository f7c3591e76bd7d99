<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context><name>QPlatformTheme</name>
<message><source>OK</source><translation>OK</translation></message>
<message><source>Save</source><translation>Simpan</translation></message>
<message><source>Save All</source><translation>Simpan Semua</translation></message>
<message><source>Open</source><translation>Buka</translation></message>
<message><source>&amp;Yes</source><translation>&amp;Ya</translation></message>
<message><source>Yes to &amp;All</source><translation>Ya untuk &amp;Semua</translation></message>
<message><source>&amp;No</source><translation>&amp;Tidak</translation></message>
<message><source>N&amp;o to All</source><translation>T&amp;idak untuk Semua</translation></message>
<message><source>Abort</source><translation>Hentikan</translation></message>
<message><source>Retry</source><translation>Coba Lagi</translation></message>
<message><source>Ignore</source><translation>Abaikan</translation></message>
<message><source>Close</source><translation>Tutup</translation></message>
<message><source>Cancel</source><translation>Batal</translation></message>
<message><source>Discard</source><translation>Buang</translation></message>
<message><source>Help</source><translation>Bantuan</translation></message>
<message><source>Apply</source><translation>Terapkan</translation></message>
<message><source>Reset</source><translation>Atur Ulang</translation></message>
<message><source>Restore Defaults</source><translation>Kembalikan Bawaan</translation></message>
</context>
<context><name>QGnomeTheme</name>
<message><source>&amp;OK</source><translation>&amp;OK</translation></message>
<message><source>&amp;Save</source><translation>&amp;Simpan</translation></message>
<message><source>&amp;Cancel</source><translation>&amp;Batal</translation></message>
<message><source>&amp;Close</source><translation>&amp;Tutup</translation></message>
<message><source>Close without Saving</source><translation>Tutup tanpa Menyimpan</translation></message>
</context>
<context><name>QMessageBox</name>
<message><source>Show Details...</source><translation>Tampilkan Rincian...</translation></message>
<message><source>Hide Details...</source><translation>Sembunyikan Rincian...</translation></message>
</context>
<context><name>QLineEdit</name>
<message><source>&amp;Undo</source><translation>&amp;Urungkan</translation></message>
<message><source>&amp;Redo</source><translation>Ulang&amp;i</translation></message>
<message><source>Cu&amp;t</source><translation>Po&amp;tong</translation></message>
<message><source>&amp;Copy</source><translation>&amp;Salin</translation></message>
<message><source>&amp;Paste</source><translation>T&amp;empel</translation></message>
<message><source>Delete</source><translation>Hapus</translation></message>
<message><source>Select All</source><translation>Pilih Semua</translation></message>
</context>
<context><name>QWidgetTextControl</name>
<message><source>&amp;Undo</source><translation>&amp;Urungkan</translation></message>
<message><source>&amp;Redo</source><translation>Ulang&amp;i</translation></message>
<message><source>Cu&amp;t</source><translation>Po&amp;tong</translation></message>
<message><source>&amp;Copy</source><translation>&amp;Salin</translation></message>
<message><source>&amp;Paste</source><translation>T&amp;empel</translation></message>
<message><source>Delete</source><translation>Hapus</translation></message>
<message><source>Select All</source><translation>Pilih Semua</translation></message>
<message><source>Copy &amp;Link Location</source><translation>Salin &amp;Alamat Tautan</translation></message>
</context>
<context><name>QAbstractSpinBox</name>
<message><source>&amp;Select All</source><translation>&amp;Pilih Semua</translation></message>
<message><source>&amp;Step up</source><translation>&amp;Naik</translation></message>
<message><source>Step &amp;down</source><translation>&amp;Turun</translation></message>
</context>
<context><name>QWizard</name>
<message><source>&lt; &amp;Back</source><translation>&lt; &amp;Kembali</translation></message>
<message><source>&amp;Next &gt;</source><translation>&amp;Lanjut &gt;</translation></message>
<message><source>&amp;Next</source><translation>&amp;Lanjut</translation></message>
<message><source>&amp;Finish</source><translation>&amp;Selesai</translation></message>
<message><source>Cancel</source><translation>Batal</translation></message>
<message><source>&amp;Help</source><translation>&amp;Bantuan</translation></message>
<message><source>Commit</source><translation>Simpan</translation></message>
</context>
<context><name>QFileDialog</name>
<message><source>Look in:</source><translation>Lihat di:</translation></message>
<message><source>File &amp;name:</source><translation>&amp;Nama berkas:</translation></message>
<message><source>Files of type:</source><translation>Jenis berkas:</translation></message>
<message><source>&amp;Open</source><translation>&amp;Buka</translation></message>
<message><source>&amp;Save</source><translation>&amp;Simpan</translation></message>
<message><source>&amp;Choose</source><translation>&amp;Pilih</translation></message>
<message><source>Open</source><translation>Buka</translation></message>
<message><source>Save As</source><translation>Simpan Sebagai</translation></message>
<message><source>All Files (*)</source><translation>Semua Berkas (*)</translation></message>
<message><source>Back</source><translation>Kembali</translation></message>
<message><source>Forward</source><translation>Maju</translation></message>
<message><source>Parent Directory</source><translation>Folder Induk</translation></message>
<message><source>Create New Folder</source><translation>Buat Folder Baru</translation></message>
<message><source>New Folder</source><translation>Folder Baru</translation></message>
<message><source>&amp;New Folder</source><translation>Folder &amp;Baru</translation></message>
<message><source>List View</source><translation>Tampilan Daftar</translation></message>
<message><source>Detail View</source><translation>Tampilan Rinci</translation></message>
<message><source>Directory:</source><translation>Folder:</translation></message>
<message><source>Recent Places</source><translation>Tempat Terakhir</translation></message>
<message><source>My Computer</source><translation>Komputer Saya</translation></message>
<message><source>Computer</source><translation>Komputer</translation></message>
<message><source>&amp;Delete</source><translation>&amp;Hapus</translation></message>
<message><source>&amp;Rename</source><translation>&amp;Ubah Nama</translation></message>
<message><source>Show &amp;hidden files</source><translation>Tampilkan berkas &amp;tersembunyi</translation></message>
<message><source>%1 already exists.
Do you want to replace it?</source><translation>%1 sudah ada.
Ganti dengan berkas yang baru?</translation></message>
<message><source>Are you sure you want to delete '%1'?</source><translation>Yakin akan menghapus '%1'?</translation></message>
</context>
<context><name>QFileSystemModel</name>
<message><source>Name</source><translation>Nama</translation></message>
<message><source>Size</source><translation>Ukuran</translation></message>
<message><source>Type</source><translation>Jenis</translation></message>
<message><source>Kind</source><translation>Jenis</translation></message>
<message><source>Date Modified</source><translation>Tanggal Diubah</translation></message>
</context>
</TS>
