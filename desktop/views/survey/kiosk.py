"""The SKM kiosk: a full-screen window at the counter (a second monitor or a tablet-sized
screen) where a citizen answers the nine questions by touch. It returns to its start after
each respondent (and after a minute and a half untouched, dropping a half-finished answer),
and only a staff member's password closes it."""
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QScrollArea, QStackedWidget, QVBoxLayout, QWidget)

from desktop.errors import PelitaError
from desktop.services.shell import auth
from desktop.services.survey import skm
from desktop.services.survey.questionnaire import EDUCATION, ELEMENTS, OCCUPATIONS, SEXES
from desktop.views.shared.errors import describe
from desktop.views.shared.forms import clear_choice

STYLE = """
QWidget#kiosk { background: #f4f7f6; }
QLabel { font-size: 20pt; color: #1d2b2a; }
QLabel#title { font-size: 34pt; font-weight: bold; }
QLabel#question { font-size: 28pt; }
QLabel#small { font-size: 14pt; color: #4a5856; }
QLabel#error { font-size: 16pt; color: #a93226; }
QPushButton { font-size: 20pt; padding: 14px; min-height: 70px; border-radius: 10px;
              background: white; border: 2px solid #9db8b3; }
QPushButton:checked { background: #1e7a6a; color: white; border-color: #1e7a6a; }
QPushButton#answer { font-size: 24pt; min-height: 110px; text-align: left; padding-left: 28px; }
QPushButton#primary { background: #1e7a6a; color: white; border-color: #1e7a6a;
                      font-size: 26pt; min-height: 100px; }
QPushButton#quiet { font-size: 12pt; min-height: 30px; padding: 4px 10px; color: #4a5856;
                    background: transparent; border: 1px solid #c7d3d1; }
QLineEdit { font-size: 22pt; min-height: 60px; }
"""
IDLE_MS = 90_000
THANKS_MS = 6_000
SCORE_COLOURS = ("#c0392b", "#e67e22", "#27ae60", "#1e7a6a")


def _label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    if name:
        label.setObjectName(name)
    return label


def _button(text: str, name: str = "", slot=None) -> QPushButton:
    button = QPushButton(text)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a touch screen: no focus rectangles
    if name:
        button.setObjectName(name)
    if slot is not None:
        button.clicked.connect(slot)
    return button


def _page(*widgets, stretch=True) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(60, 40, 60, 40)
    layout.setSpacing(18)
    if stretch:
        layout.addStretch(1)
    for widget in widgets:
        if isinstance(widget, QWidget):
            layout.addWidget(widget)
        else:
            layout.addLayout(widget)
    if stretch:
        layout.addStretch(1)
    return page


class ChoiceRow(QWidget):
    """Toggle buttons for one of the respondent's particulars (none chosen: not given)."""

    def __init__(self, title: str, choices: dict, columns: int = 6):
        super().__init__()
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        title_label = _label(title, "small")
        title_label.setAlignment(Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(title_label, 0, 0, 1, columns)
        for i, (code, text) in enumerate(choices.items()):
            button = _button(text)
            button.setCheckable(True)
            button.setProperty("code", code)
            self.group.addButton(button)
            grid.addWidget(button, 1 + i // columns, i % columns)

    def value(self) -> str:
        chosen = self.group.checkedButton()
        return chosen.property("code") if chosen is not None else ""

    def clear(self) -> None:
        clear_choice(self.group)


class KioskWindow(QWidget):
    """`services`: (id, name) pairs the respondent chooses from (one: no choice asked)."""

    closed = Signal()

    def __init__(self, session, services: list[tuple[int, str]], office_name: str = ""):
        super().__init__(None, Qt.WindowType.Window)
        self.session = session
        self.services = services
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setWindowTitle("Survei Kepuasan Masyarakat — Pelita")
        self._may_close = False
        self.service_id = None
        self.scores: dict[str, int] = {}
        self.stack = QStackedWidget()
        self.start_page = self._start_page(office_name)
        self.service_page = self._service_page()
        self.question_page = self._question_page()
        self.respondent_page = self._respondent_page()
        self.thanks_page = self._thanks_page()
        self.leave_page = self._leave_page()
        for page in (self.start_page, self.service_page, self.question_page,
                     self.respondent_page, self.thanks_page, self.leave_page):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(IDLE_MS)
        self.idle.timeout.connect(self.restart)
        self.thanks_timer = QTimer(self)
        self.thanks_timer.setSingleShot(True)
        self.thanks_timer.setInterval(THANKS_MS)
        self.thanks_timer.timeout.connect(self.restart)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.ask_to_leave)
        self.restart()

    # ---- pages ----------------------------------------------------------------------------

    def _start_page(self, office_name: str) -> QWidget:
        corner = QHBoxLayout()
        corner.addStretch(1)
        corner.addWidget(_button("Tutup kiosk (petugas)", "quiet", self.ask_to_leave))
        page = _page(_label("Survei Kepuasan Masyarakat", "title"),
                     _label(office_name),
                     _label("Bantu kami memperbaiki layanan: 9 pertanyaan singkat, tanpa "
                            "nama, sekitar 2 menit.", "small"),
                     _button("Mulai", "primary", self.begin))
        page.layout().insertLayout(0, corner)
        return page

    def _service_page(self) -> QWidget:
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        for i, (service_id, name) in enumerate(self.services):
            button = _button(name, slot=lambda _=False, s=service_id: self.choose_service(s))
            button.setStyleSheet("text-align: left; font-size: 18pt;")
            grid.addWidget(button, i // 2, i % 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_widget)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        back = _button("Batal", "quiet", self.restart)
        return _page(_label("Layanan apa yang Anda terima hari ini?", "question"), scroll,
                     back, stretch=False)

    def _question_page(self) -> QWidget:
        self.progress = _label("", "small")
        self.element_label = _label("", "small")
        self.question = _label("", "question")
        self.answers = []
        column = QVBoxLayout()
        for score in range(1, 5):
            button = _button("", "answer", lambda _=False, s=score: self.answer(s))
            button.setStyleSheet(f"border-left: 14px solid {SCORE_COLOURS[score - 1]};")
            self.answers.append(button)
            column.addWidget(button)
        self.back_button = _button("‹ Pertanyaan sebelumnya", "quiet", self.previous)
        return _page(self.progress, self.element_label, self.question, column,
                     self.back_button)

    def _respondent_page(self) -> QWidget:
        self.sex = ChoiceRow("Jenis kelamin", SEXES)
        self.education = ChoiceRow("Pendidikan terakhir", EDUCATION)
        self.occupation = ChoiceRow("Pekerjaan", OCCUPATIONS, columns=5)
        self.age = QLineEdit()
        self.age.setReadOnly(True)
        self.age.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.age.setPlaceholderText("umur (boleh dikosongkan)")
        keypad = QHBoxLayout()
        for digit in "1234567890":
            keypad.addWidget(_button(digit, slot=lambda _=False, d=digit: self.type_age(d)))
        keypad.addWidget(_button("Hapus", slot=self.age.clear))
        self.respondent_error = _label("", "error")
        send = _button("Kirim jawaban", "primary", self.submit)
        return _page(_label("Sedikit tentang Anda (boleh dilewati)", "question"), self.sex,
                     self.age, keypad, self.education, self.occupation,
                     self.respondent_error, send, stretch=False)

    def _thanks_page(self) -> QWidget:
        self.thanks = _label("", "title")
        self.thanks_detail = _label("", "small")
        self.retry_button = _button("Coba kirim lagi", "primary", self.submit)
        return _page(self.thanks, self.thanks_detail, self.retry_button,
                     _button("Kembali ke awal", "quiet", self.restart))

    def _leave_page(self) -> QWidget:
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(f"kata sandi {self.session.user.username}")
        self.password.returnPressed.connect(self.leave)
        self.leave_error = _label("", "error")
        row = QHBoxLayout()
        row.addWidget(_button("Batal", slot=self.restart))
        row.addWidget(_button("Tutup kiosk", "primary", self.leave))
        return _page(_label("Menutup kiosk: khusus petugas", "question"),
                     _label("Masukkan kata sandi petugas yang membuka kiosk.", "small"),
                     self.password, self.leave_error, row)

    # ---- the respondent's way --------------------------------------------------------------

    def restart(self) -> None:
        """Back to the start, forgetting any unsent answer."""
        self.thanks_timer.stop()
        self.idle.stop()
        self.scores = {}
        self.service_id = None
        self.age.clear()
        for row in (self.sex, self.education, self.occupation):
            row.clear()
        self.respondent_error.clear()
        self.password.clear()
        self.leave_error.clear()
        self.stack.setCurrentWidget(self.start_page)

    def begin(self) -> None:
        self.idle.start()
        if len(self.services) == 1:
            self.choose_service(self.services[0][0])
        else:
            self.stack.setCurrentWidget(self.service_page)

    def choose_service(self, service_id: int) -> None:
        self.service_id = service_id
        self.show_question(0)

    def show_question(self, number: int) -> None:
        element = ELEMENTS[number]
        self.current = number
        self.progress.setText(f"Pertanyaan {number + 1} dari {len(ELEMENTS)}")
        self.element_label.setText(element.name)
        self.question.setText(element.question)
        for button, words in zip(self.answers, element.answers):
            button.setText(words)
        self.back_button.setVisible(number > 0)
        self.stack.setCurrentWidget(self.question_page)

    def answer(self, score: int) -> None:
        self.scores[ELEMENTS[self.current].code] = score
        if self.current + 1 < len(ELEMENTS):
            self.show_question(self.current + 1)
        else:
            self.stack.setCurrentWidget(self.respondent_page)

    def previous(self) -> None:
        if self.current > 0:
            self.show_question(self.current - 1)

    def type_age(self, digit: str) -> None:
        if len(self.age.text()) < 3:
            self.age.setText(self.age.text() + digit)

    def submit(self) -> None:
        try:
            skm.record(self.session.user, service_id=self.service_id, scores=self.scores,
                       source="kiosk", age=self.age.text() or None, sex=self.sex.value(),
                       education=self.education.value(), occupation=self.occupation.value())
        except PelitaError as exc:
            if getattr(exc, "field", "") == "Umur":  # the one thing the respondent can fix
                self.respondent_error.setText(exc.message)
                self.stack.setCurrentWidget(self.respondent_page)
                return
            self._not_saved(exc.message)
            return
        except Exception as exc:  # noqa: BLE001 (the server is away: keep the answers)
            self._not_saved(describe(exc, "Jawaban belum tersimpan."))
            return
        self.idle.stop()
        self.thanks.setText("Terima kasih!")
        self.thanks_detail.setText("Jawaban Anda sudah kami terima dan membantu kami "
                                   "memperbaiki layanan.")
        self.retry_button.hide()
        self.stack.setCurrentWidget(self.thanks_page)
        self.thanks_timer.start()

    def _not_saved(self, message: str) -> None:
        self.thanks.setText("Jawaban belum tersimpan")
        self.thanks_detail.setText(f"{message} Mohon panggil petugas.")
        self.retry_button.show()
        self.stack.setCurrentWidget(self.thanks_page)

    # ---- staff only ---------------------------------------------------------------------------

    def ask_to_leave(self) -> None:
        self.idle.start()
        self.password.clear()
        self.leave_error.clear()
        self.stack.setCurrentWidget(self.leave_page)
        self.password.setFocus()

    def leave(self) -> None:
        try:
            auth.verify_current_user(self.session.user, self.password.text())
        except PelitaError as exc:
            self.password.clear()
            self.leave_error.setText(exc.message)
            return
        self.end()

    def end(self) -> None:
        """Close without the password: the staff member signed out or quit the main window."""
        self._may_close = True
        self.close()

    def closeEvent(self, event) -> None:
        if not self._may_close:  # Alt+F4, the window manager: the password first
            event.ignore()
            self.ask_to_leave()
            return
        self.idle.stop()
        self.thanks_timer.stop()
        self.closed.emit()
        super().closeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Touches reach the window before its buttons: one filter there sees them all.
        self.windowHandle().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin,
                            QEvent.Type.KeyPress) and self.idle.isActive():
            self.idle.start()  # counted from the last touch
        return False

    def show_on_counter_screen(self) -> None:
        """Full screen on the last screen: the counter's second monitor where there is one."""
        screens = QGuiApplication.screens()
        if screens:
            target = screens[-1]
            self.setScreen(target)
            self.move(target.geometry().topLeft())
        self.showFullScreen()
