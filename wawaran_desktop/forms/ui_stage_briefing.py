# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'stage_briefing.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QRect, QSize, QTime, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QAbstractSpinBox, QDateTimeEdit, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListView, QListWidget, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QTabWidget, QTableView, QTimeEdit, QVBoxLayout, QWidget)

from wawaran_desktop.views.area_picker import AreaPicker
from wawaran_desktop.views.inline_message import MessageLabel

class Ui_BriefingPanel(object):
    def setupUi(self, BriefingPanel):
        if not BriefingPanel.objectName():
            BriefingPanel.setObjectName(u"BriefingPanel")
        BriefingPanel.resize(560, 330)
        self.panelLayout = QVBoxLayout(BriefingPanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(0, 0, 0, 0)
        self.sectionTabs = QTabWidget(BriefingPanel)
        self.sectionTabs.setObjectName(u"sectionTabs")
        self.sectionTabs.setDocumentMode(True)
        self.meetingPage = QWidget()
        self.meetingPage.setObjectName(u"meetingPage")
        self.meetingPageLayout = QVBoxLayout(self.meetingPage)
        self.meetingPageLayout.setObjectName(u"meetingPageLayout")
        self.meetingPageLayout.setContentsMargins(0, 0, 0, 0)
        self.meetingScroll = QScrollArea(self.meetingPage)
        self.meetingScroll.setObjectName(u"meetingScroll")
        self.meetingScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.meetingScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.meetingScroll.setWidgetResizable(True)
        self.meetingContents = QWidget()
        self.meetingContents.setObjectName(u"meetingContents")
        self.meetingContents.setGeometry(QRect(0, 0, 540, 360))
        self.meetingLayout = QGridLayout(self.meetingContents)
        self.meetingLayout.setObjectName(u"meetingLayout")
        self.meetingLayout.setHorizontalSpacing(6)
        self.meetingLayout.setVerticalSpacing(4)
        self.meetingLayout.setContentsMargins(4, 4, 6, 4)
        self.heldAtCaption = QLabel(self.meetingContents)
        self.heldAtCaption.setObjectName(u"heldAtCaption")

        self.meetingLayout.addWidget(self.heldAtCaption, 0, 0, 1, 1)

        self.heldAtLayout = QHBoxLayout()
        self.heldAtLayout.setSpacing(6)
        self.heldAtLayout.setObjectName(u"heldAtLayout")
        self.heldAtEdit = QDateTimeEdit(self.meetingContents)
        self.heldAtEdit.setObjectName(u"heldAtEdit")
        self.heldAtEdit.setCalendarPopup(True)
        self.heldAtEdit.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.heldAtEdit.setDisplayFormat(u"dd/MM/yyyy HH:mm")
        self.heldAtEdit.setKeyboardTracking(False)

        self.heldAtLayout.addWidget(self.heldAtEdit)

        self.heldAtLabel = QLabel(self.meetingContents)
        self.heldAtLabel.setObjectName(u"heldAtLabel")
        self.heldAtLabel.setStyleSheet(u"color: #5f6368;")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.heldAtLabel.sizePolicy().hasHeightForWidth())
        self.heldAtLabel.setSizePolicy(sizePolicy)

        self.heldAtLayout.addWidget(self.heldAtLabel)


        self.meetingLayout.addLayout(self.heldAtLayout, 0, 1, 1, 1)

        self.placeCaption = QLabel(self.meetingContents)
        self.placeCaption.setObjectName(u"placeCaption")

        self.meetingLayout.addWidget(self.placeCaption, 1, 0, 1, 1)

        self.placeEdit = QLineEdit(self.meetingContents)
        self.placeEdit.setObjectName(u"placeEdit")

        self.meetingLayout.addWidget(self.placeEdit, 1, 1, 1, 1)

        self.attendeesCaption = QLabel(self.meetingContents)
        self.attendeesCaption.setObjectName(u"attendeesCaption")
        self.attendeesCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.meetingLayout.addWidget(self.attendeesCaption, 2, 0, 1, 1)

        self.attendeesList = QListWidget(self.meetingContents)
        self.attendeesList.setObjectName(u"attendeesList")
        self.attendeesList.setMinimumSize(QSize(0, 64))
        self.attendeesList.setMaximumSize(QSize(16777215, 96))
        self.attendeesList.setFlow(QListView.Flow.LeftToRight)
        self.attendeesList.setProperty(u"isWrapping", True)
        self.attendeesList.setResizeMode(QListView.ResizeMode.Adjust)
        self.attendeesList.setSpacing(1)

        self.meetingLayout.addWidget(self.attendeesList, 2, 1, 1, 1)

        self.agendaCaption = QLabel(self.meetingContents)
        self.agendaCaption.setObjectName(u"agendaCaption")
        self.agendaCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.meetingLayout.addWidget(self.agendaCaption, 3, 0, 1, 1)

        self.agendaEdit = QPlainTextEdit(self.meetingContents)
        self.agendaEdit.setObjectName(u"agendaEdit")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.agendaEdit.sizePolicy().hasHeightForWidth())
        self.agendaEdit.setSizePolicy(sizePolicy1)
        self.agendaEdit.setMinimumSize(QSize(0, 56))
        self.agendaEdit.setTabChangesFocus(True)

        self.meetingLayout.addWidget(self.agendaEdit, 3, 1, 1, 1)

        self.notesCaption = QLabel(self.meetingContents)
        self.notesCaption.setObjectName(u"notesCaption")
        self.notesCaption.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.meetingLayout.addWidget(self.notesCaption, 4, 0, 1, 1)

        self.notesEdit = QPlainTextEdit(self.meetingContents)
        self.notesEdit.setObjectName(u"notesEdit")
        sizePolicy1.setHeightForWidth(self.notesEdit.sizePolicy().hasHeightForWidth())
        self.notesEdit.setSizePolicy(sizePolicy1)
        self.notesEdit.setMinimumSize(QSize(0, 56))
        self.notesEdit.setTabChangesFocus(True)

        self.meetingLayout.addWidget(self.notesEdit, 4, 1, 1, 1)

        self.meetingError = MessageLabel(self.meetingContents)
        self.meetingError.setObjectName(u"meetingError")
        self.meetingError.setStyleSheet(u"color: #b00020;")
        self.meetingError.setWordWrap(True)

        self.meetingLayout.addWidget(self.meetingError, 5, 0, 1, 2)

        self.meetingScroll.setWidget(self.meetingContents)

        self.meetingPageLayout.addWidget(self.meetingScroll)

        self.sectionTabs.addTab(self.meetingPage, "")
        self.locationsPage = QWidget()
        self.locationsPage.setObjectName(u"locationsPage")
        self.locationsPageLayout = QVBoxLayout(self.locationsPage)
        self.locationsPageLayout.setObjectName(u"locationsPageLayout")
        self.locationsPageLayout.setContentsMargins(0, 0, 0, 0)
        self.locationsScroll = QScrollArea(self.locationsPage)
        self.locationsScroll.setObjectName(u"locationsScroll")
        self.locationsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.locationsScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.locationsScroll.setWidgetResizable(True)
        self.locationsContents = QWidget()
        self.locationsContents.setObjectName(u"locationsContents")
        self.locationsContents.setGeometry(QRect(0, 0, 540, 330))
        self.locationsLayout = QVBoxLayout(self.locationsContents)
        self.locationsLayout.setSpacing(4)
        self.locationsLayout.setObjectName(u"locationsLayout")
        self.locationsLayout.setContentsMargins(4, 4, 6, 4)
        self.locationsTable = QTableView(self.locationsContents)
        self.locationsTable.setObjectName(u"locationsTable")
        sizePolicy1.setHeightForWidth(self.locationsTable.sizePolicy().hasHeightForWidth())
        self.locationsTable.setSizePolicy(sizePolicy1)
        self.locationsTable.setMinimumSize(QSize(0, 96))
        self.locationsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.locationsTable.setDragEnabled(True)
        self.locationsTable.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.locationsTable.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.locationsTable.setProperty(u"showDropIndicator", True)
        self.locationsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.locationsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.locationsTable.setAlternatingRowColors(True)
        self.locationsTable.setWordWrap(False)
        self.locationsTable.horizontalHeader().setStretchLastSection(False)
        self.locationsTable.verticalHeader().setVisible(False)

        self.locationsLayout.addWidget(self.locationsTable)

        self.editorLabel = QLabel(self.locationsContents)
        self.editorLabel.setObjectName(u"editorLabel")
        self.editorLabel.setStyleSheet(u"font-weight: bold;")

        self.locationsLayout.addWidget(self.editorLabel)

        self.editorLayout = QGridLayout()
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setHorizontalSpacing(6)
        self.editorLayout.setVerticalSpacing(4)
        self.areaCaption = QLabel(self.locationsContents)
        self.areaCaption.setObjectName(u"areaCaption")

        self.editorLayout.addWidget(self.areaCaption, 0, 0, 1, 1)

        self.areaPicker = AreaPicker(self.locationsContents)
        self.areaPicker.setObjectName(u"areaPicker")

        self.editorLayout.addWidget(self.areaPicker, 0, 1, 1, 3)

        self.addressCaption = QLabel(self.locationsContents)
        self.addressCaption.setObjectName(u"addressCaption")

        self.editorLayout.addWidget(self.addressCaption, 1, 0, 1, 1)

        self.addressEdit = QLineEdit(self.locationsContents)
        self.addressEdit.setObjectName(u"addressEdit")

        self.editorLayout.addWidget(self.addressEdit, 1, 1, 1, 1)

        self.timeCaption = QLabel(self.locationsContents)
        self.timeCaption.setObjectName(u"timeCaption")

        self.editorLayout.addWidget(self.timeCaption, 1, 2, 1, 1)

        self.timeEdit = QTimeEdit(self.locationsContents)
        self.timeEdit.setObjectName(u"timeEdit")
        self.timeEdit.setDisplayFormat(u"HH:mm")
        self.timeEdit.setKeyboardTracking(False)
        self.timeEdit.setTime(QTime(9, 0, 0))

        self.editorLayout.addWidget(self.timeEdit, 1, 3, 1, 1)


        self.locationsLayout.addLayout(self.editorLayout)

        self.routeButtons = QHBoxLayout()
        self.routeButtons.setSpacing(4)
        self.routeButtons.setObjectName(u"routeButtons")
        self.addButton = QPushButton(self.locationsContents)
        self.addButton.setObjectName(u"addButton")

        self.routeButtons.addWidget(self.addButton)

        self.newButton = QPushButton(self.locationsContents)
        self.newButton.setObjectName(u"newButton")

        self.routeButtons.addWidget(self.newButton)

        self.removeButton = QPushButton(self.locationsContents)
        self.removeButton.setObjectName(u"removeButton")

        self.routeButtons.addWidget(self.removeButton)

        self.upButton = QPushButton(self.locationsContents)
        self.upButton.setObjectName(u"upButton")

        self.routeButtons.addWidget(self.upButton)

        self.downButton = QPushButton(self.locationsContents)
        self.downButton.setObjectName(u"downButton")

        self.routeButtons.addWidget(self.downButton)


        self.locationsLayout.addLayout(self.routeButtons)

        self.locationsError = MessageLabel(self.locationsContents)
        self.locationsError.setObjectName(u"locationsError")
        self.locationsError.setStyleSheet(u"color: #b00020;")
        self.locationsError.setWordWrap(True)

        self.locationsLayout.addWidget(self.locationsError)

        self.locationsScroll.setWidget(self.locationsContents)

        self.locationsPageLayout.addWidget(self.locationsScroll)

        self.sectionTabs.addTab(self.locationsPage, "")
        self.topicsPage = QWidget()
        self.topicsPage.setObjectName(u"topicsPage")
        self.topicsPageLayout = QVBoxLayout(self.topicsPage)
        self.topicsPageLayout.setObjectName(u"topicsPageLayout")
        self.topicsPageLayout.setContentsMargins(0, 0, 0, 0)
        self.topicsScroll = QScrollArea(self.topicsPage)
        self.topicsScroll.setObjectName(u"topicsScroll")
        self.topicsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.topicsScroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.topicsScroll.setWidgetResizable(True)
        self.topicsContents = QWidget()
        self.topicsContents.setObjectName(u"topicsContents")
        self.topicsContents.setGeometry(QRect(0, 0, 540, 300))
        self.topicsLayout = QVBoxLayout(self.topicsContents)
        self.topicsLayout.setSpacing(4)
        self.topicsLayout.setObjectName(u"topicsLayout")
        self.topicsLayout.setContentsMargins(4, 4, 6, 4)
        self.topicsHint = QLabel(self.topicsContents)
        self.topicsHint.setObjectName(u"topicsHint")
        self.topicsHint.setWordWrap(True)

        self.topicsLayout.addWidget(self.topicsHint)

        self.topicsList = QListWidget(self.topicsContents)
        self.topicsList.setObjectName(u"topicsList")
        self.topicsList.setMinimumSize(QSize(0, 120))
        self.topicsList.setWordWrap(True)

        self.topicsLayout.addWidget(self.topicsList)

        self.topicsError = MessageLabel(self.topicsContents)
        self.topicsError.setObjectName(u"topicsError")
        self.topicsError.setStyleSheet(u"color: #b00020;")
        self.topicsError.setWordWrap(True)

        self.topicsLayout.addWidget(self.topicsError)

        self.topicsScroll.setWidget(self.topicsContents)

        self.topicsPageLayout.addWidget(self.topicsScroll)

        self.sectionTabs.addTab(self.topicsPage, "")

        self.panelLayout.addWidget(self.sectionTabs)

#if QT_CONFIG(shortcut)
        self.heldAtCaption.setBuddy(self.heldAtEdit)
        self.placeCaption.setBuddy(self.placeEdit)
        self.attendeesCaption.setBuddy(self.attendeesList)
        self.agendaCaption.setBuddy(self.agendaEdit)
        self.notesCaption.setBuddy(self.notesEdit)
        self.areaCaption.setBuddy(self.areaPicker)
        self.addressCaption.setBuddy(self.addressEdit)
        self.timeCaption.setBuddy(self.timeEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.heldAtEdit, self.placeEdit)
        QWidget.setTabOrder(self.placeEdit, self.attendeesList)
        QWidget.setTabOrder(self.attendeesList, self.agendaEdit)
        QWidget.setTabOrder(self.agendaEdit, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.locationsTable)
        QWidget.setTabOrder(self.locationsTable, self.areaPicker)
        QWidget.setTabOrder(self.areaPicker, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.timeEdit)
        QWidget.setTabOrder(self.timeEdit, self.addButton)
        QWidget.setTabOrder(self.addButton, self.newButton)
        QWidget.setTabOrder(self.newButton, self.removeButton)
        QWidget.setTabOrder(self.removeButton, self.upButton)
        QWidget.setTabOrder(self.upButton, self.downButton)
        QWidget.setTabOrder(self.downButton, self.topicsList)

        self.retranslateUi(BriefingPanel)

        self.sectionTabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(BriefingPanel)
    # setupUi

    def retranslateUi(self, BriefingPanel):
        self.heldAtCaption.setText(QCoreApplication.translate("BriefingPanel", u"&Waktu:", None))
#if QT_CONFIG(tooltip)
        self.heldAtEdit.setToolTip(QCoreApplication.translate("BriefingPanel", u"Tanggal dan jam briefing (WIB). Klik panah untuk memilih tanggal dari kalender.", None))
#endif // QT_CONFIG(tooltip)
        self.placeCaption.setText(QCoreApplication.translate("BriefingPanel", u"T&empat:", None))
        self.placeEdit.setPlaceholderText(QCoreApplication.translate("BriefingPanel", u"mis. Ruang Rapat Bidang DIKP, Diskominfo", None))
        self.attendeesCaption.setText(QCoreApplication.translate("BriefingPanel", u"Pese&rta:", None))
#if QT_CONFIG(tooltip)
        self.attendeesList.setToolTip(QCoreApplication.translate("BriefingPanel", u"Centang petugas yang hadir pada briefing (dari Direktori Petugas).", None))
#endif // QT_CONFIG(tooltip)
        self.agendaCaption.setText(QCoreApplication.translate("BriefingPanel", u"Age&nda:", None))
        self.agendaEdit.setPlaceholderText(QCoreApplication.translate("BriefingPanel", u"Agenda briefing, satu butir per baris", None))
        self.notesCaption.setText(QCoreApplication.translate("BriefingPanel", u"Catatan tekn&is:", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("BriefingPanel", u"Teknis pelaksanaan: kendaraan, jam berangkat, pembagian tugas, \u2026", None))
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.meetingPage), QCoreApplication.translate("BriefingPanel", u"Rapat", None))
#if QT_CONFIG(tooltip)
        self.sectionTabs.setTabToolTip(self.sectionTabs.indexOf(self.meetingPage), QCoreApplication.translate("BriefingPanel", u"Waktu, tempat, peserta, agenda dan catatan teknis briefing", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.locationsTable.setToolTip(QCoreApplication.translate("BriefingPanel", u"Urutan rute. Seret baris untuk mengubah urutan, atau pilih baris lalu Naik/Turun.", None))
#endif // QT_CONFIG(tooltip)
        self.areaCaption.setText(QCoreApplication.translate("BriefingPanel", u"Ke&camatan/kelurahan:", None))
        self.addressCaption.setText(QCoreApplication.translate("BriefingPanel", u"Alamat/pat&okan:", None))
        self.addressEdit.setPlaceholderText(QCoreApplication.translate("BriefingPanel", u"mis. Depan Pasar Cipondoh", None))
        self.timeCaption.setText(QCoreApplication.translate("BriefingPanel", u"Jam:", None))
#if QT_CONFIG(tooltip)
        self.timeEdit.setToolTip(QCoreApplication.translate("BriefingPanel", u"Jam rencana tiba di lokasi (WIB); harus urut sesuai rute.", None))
#endif // QT_CONFIG(tooltip)
        self.addButton.setText(QCoreApplication.translate("BriefingPanel", u"Tamba&h", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("BriefingPanel", u"Tambahkan lokasi ini di akhir rute", None))
#endif // QT_CONFIG(tooltip)
        self.newButton.setText(QCoreApplication.translate("BriefingPanel", u"Lokasi Ba&ru", None))
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(QCoreApplication.translate("BriefingPanel", u"Kosongkan isian untuk menambah lokasi baru", None))
#endif // QT_CONFIG(tooltip)
        self.removeButton.setText(QCoreApplication.translate("BriefingPanel", u"Hapus", None))
#if QT_CONFIG(tooltip)
        self.removeButton.setToolTip(QCoreApplication.translate("BriefingPanel", u"Hapus lokasi yang dipilih dari rute", None))
#endif // QT_CONFIG(tooltip)
        self.upButton.setText(QCoreApplication.translate("BriefingPanel", u"&Naik", None))
#if QT_CONFIG(tooltip)
        self.upButton.setToolTip(QCoreApplication.translate("BriefingPanel", u"Pindahkan lokasi yang dipilih satu urutan lebih awal", None))
#endif // QT_CONFIG(tooltip)
        self.downButton.setText(QCoreApplication.translate("BriefingPanel", u"T&urun", None))
#if QT_CONFIG(tooltip)
        self.downButton.setToolTip(QCoreApplication.translate("BriefingPanel", u"Pindahkan lokasi yang dipilih satu urutan lebih akhir", None))
#endif // QT_CONFIG(tooltip)
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.locationsPage), QCoreApplication.translate("BriefingPanel", u"Lokasi", None))
#if QT_CONFIG(tooltip)
        self.sectionTabs.setTabToolTip(self.sectionTabs.indexOf(self.locationsPage), QCoreApplication.translate("BriefingPanel", u"Lokasi wawaran sesuai urutan rute", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.topicsList.setToolTip(QCoreApplication.translate("BriefingPanel", u"Centang data tahap 1 yang menjadi topik wawaran.", None))
#endif // QT_CONFIG(tooltip)
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.topicsPage), QCoreApplication.translate("BriefingPanel", u"Topik", None))
#if QT_CONFIG(tooltip)
        self.sectionTabs.setTabToolTip(self.sectionTabs.indexOf(self.topicsPage), QCoreApplication.translate("BriefingPanel", u"Topik wawaran yang dipilih dari data tahap 1", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

