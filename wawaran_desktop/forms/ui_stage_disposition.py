# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'stage_disposition.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QLocale, QMetaObject, QRect, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QAbstractSpinBox, QComboBox, QDateEdit, QFormLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from wawaran_desktop.views.inline_message import MessageLabel

class Ui_DispositionPanel(object):
    def setupUi(self, DispositionPanel):
        if not DispositionPanel.objectName():
            DispositionPanel.setObjectName(u"DispositionPanel")
        DispositionPanel.resize(560, 330)
        self.panelLayout = QVBoxLayout(DispositionPanel)
        self.panelLayout.setSpacing(2)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(0, 0, 0, 0)
        self.patternFrame = QFrame(DispositionPanel)
        self.patternFrame.setObjectName(u"patternFrame")
        self.patternFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.patternLayout = QGridLayout(self.patternFrame)
        self.patternLayout.setObjectName(u"patternLayout")
        self.patternLayout.setContentsMargins(6, 4, 6, 4)
        self.patternHelp = QLabel(self.patternFrame)
        self.patternHelp.setObjectName(u"patternHelp")
        self.patternHelp.setWordWrap(True)

        self.patternLayout.addWidget(self.patternHelp, 0, 0, 1, 3)

        self.patternEdit = QLineEdit(self.patternFrame)
        self.patternEdit.setObjectName(u"patternEdit")
        self.patternEdit.setMaxLength(200)

        self.patternLayout.addWidget(self.patternEdit, 1, 0, 1, 1)

        self.patternSaveButton = QPushButton(self.patternFrame)
        self.patternSaveButton.setObjectName(u"patternSaveButton")

        self.patternLayout.addWidget(self.patternSaveButton, 1, 1, 1, 1)

        self.patternCancelButton = QPushButton(self.patternFrame)
        self.patternCancelButton.setObjectName(u"patternCancelButton")

        self.patternLayout.addWidget(self.patternCancelButton, 1, 2, 1, 1)

        self.patternPreview = QLabel(self.patternFrame)
        self.patternPreview.setObjectName(u"patternPreview")
        self.patternPreview.setWordWrap(True)

        self.patternLayout.addWidget(self.patternPreview, 2, 0, 1, 3)


        self.panelLayout.addWidget(self.patternFrame)

        self.yearNoticeLabel = QLabel(DispositionPanel)
        self.yearNoticeLabel.setObjectName(u"yearNoticeLabel")
        self.yearNoticeLabel.setStyleSheet(u"color: #8a4b00;")
        self.yearNoticeLabel.setWordWrap(True)

        self.panelLayout.addWidget(self.yearNoticeLabel)

        self.followUpFrame = QFrame(DispositionPanel)
        self.followUpFrame.setObjectName(u"followUpFrame")
        self.followUpFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.followUpFrame.setStyleSheet(u"QFrame#followUpFrame { background: #e3f2fd; }")
        self.followUpLayout = QHBoxLayout(self.followUpFrame)
        self.followUpLayout.setObjectName(u"followUpLayout")
        self.followUpLayout.setContentsMargins(6, 3, 6, 3)
        self.myStatusLabel = QLabel(self.followUpFrame)
        self.myStatusLabel.setObjectName(u"myStatusLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.myStatusLabel.sizePolicy().hasHeightForWidth())
        self.myStatusLabel.setSizePolicy(sizePolicy)
        self.myStatusLabel.setWordWrap(True)

        self.followUpLayout.addWidget(self.myStatusLabel)

        self.followUpButton = QPushButton(self.followUpFrame)
        self.followUpButton.setObjectName(u"followUpButton")

        self.followUpLayout.addWidget(self.followUpButton)


        self.panelLayout.addWidget(self.followUpFrame)

        self.scrollArea = QScrollArea(DispositionPanel)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.scrollContents.setGeometry(QRect(0, 0, 540, 700))
        self.contentsLayout = QVBoxLayout(self.scrollContents)
        self.contentsLayout.setObjectName(u"contentsLayout")
        self.contentsLayout.setContentsMargins(2, 2, 6, 2)
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.formLayout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.formLayout.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)
        self.formLayout.setVerticalSpacing(4)
        self.agendaCaption = QLabel(self.scrollContents)
        self.agendaCaption.setObjectName(u"agendaCaption")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.agendaCaption)

        self.agendaLayout = QHBoxLayout()
        self.agendaLayout.setObjectName(u"agendaLayout")
        self.agendaLabel = QLabel(self.scrollContents)
        self.agendaLabel.setObjectName(u"agendaLabel")
        sizePolicy.setHeightForWidth(self.agendaLabel.sizePolicy().hasHeightForWidth())
        self.agendaLabel.setSizePolicy(sizePolicy)
        self.agendaLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.agendaLayout.addWidget(self.agendaLabel)

        self.patternButton = QPushButton(self.scrollContents)
        self.patternButton.setObjectName(u"patternButton")

        self.agendaLayout.addWidget(self.patternButton)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.agendaLayout)

        self.dateCaption = QLabel(self.scrollContents)
        self.dateCaption.setObjectName(u"dateCaption")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateCaption)

        self.dateEdit = QDateEdit(self.scrollContents)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.dateEdit.setLocale(QLocale(QLocale.Indonesian, QLocale.Indonesia))
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setKeyboardTracking(False)
        self.dateEdit.setMinimumDate(QDate(2000, 1, 1))
        self.dateEdit.setMaximumDate(QDate(2100, 12, 31))

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.dueCaption = QLabel(self.scrollContents)
        self.dueCaption.setObjectName(u"dueCaption")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dueCaption)

        self.dueEdit = QDateEdit(self.scrollContents)
        self.dueEdit.setObjectName(u"dueEdit")
        self.dueEdit.setLocale(QLocale(QLocale.Indonesian, QLocale.Indonesia))
        self.dueEdit.setCalendarPopup(True)
        self.dueEdit.setKeyboardTracking(False)
        self.dueEdit.setMinimumDate(QDate(1999, 12, 31))
        self.dueEdit.setMaximumDate(QDate(2100, 12, 31))
        self.dueEdit.setDate(QDate(1999, 12, 31))

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dueEdit)

        self.suratDariCaption = QLabel(self.scrollContents)
        self.suratDariCaption.setObjectName(u"suratDariCaption")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.suratDariCaption)

        self.suratDariEdit = QLineEdit(self.scrollContents)
        self.suratDariEdit.setObjectName(u"suratDariEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.suratDariEdit)

        self.nomorSuratCaption = QLabel(self.scrollContents)
        self.nomorSuratCaption.setObjectName(u"nomorSuratCaption")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.nomorSuratCaption)

        self.nomorSuratEdit = QLineEdit(self.scrollContents)
        self.nomorSuratEdit.setObjectName(u"nomorSuratEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.nomorSuratEdit)

        self.tanggalSuratCaption = QLabel(self.scrollContents)
        self.tanggalSuratCaption.setObjectName(u"tanggalSuratCaption")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.tanggalSuratCaption)

        self.tanggalSuratEdit = QDateEdit(self.scrollContents)
        self.tanggalSuratEdit.setObjectName(u"tanggalSuratEdit")
        self.tanggalSuratEdit.setLocale(QLocale(QLocale.Indonesian, QLocale.Indonesia))
        self.tanggalSuratEdit.setCalendarPopup(True)
        self.tanggalSuratEdit.setKeyboardTracking(False)
        self.tanggalSuratEdit.setMinimumDate(QDate(1999, 12, 31))
        self.tanggalSuratEdit.setMaximumDate(QDate(2100, 12, 31))
        self.tanggalSuratEdit.setDate(QDate(1999, 12, 31))

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.tanggalSuratEdit)

        self.diterimaCaption = QLabel(self.scrollContents)
        self.diterimaCaption.setObjectName(u"diterimaCaption")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.diterimaCaption)

        self.diterimaEdit = QDateEdit(self.scrollContents)
        self.diterimaEdit.setObjectName(u"diterimaEdit")
        self.diterimaEdit.setLocale(QLocale(QLocale.Indonesian, QLocale.Indonesia))
        self.diterimaEdit.setCalendarPopup(True)
        self.diterimaEdit.setKeyboardTracking(False)
        self.diterimaEdit.setMinimumDate(QDate(1999, 12, 31))
        self.diterimaEdit.setMaximumDate(QDate(2100, 12, 31))
        self.diterimaEdit.setDate(QDate(1999, 12, 31))

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.diterimaEdit)

        self.sifatCaption = QLabel(self.scrollContents)
        self.sifatCaption.setObjectName(u"sifatCaption")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.sifatCaption)

        self.sifatCombo = QComboBox(self.scrollContents)
        self.sifatCombo.setObjectName(u"sifatCombo")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.sifatCombo)

        self.halCaption = QLabel(self.scrollContents)
        self.halCaption.setObjectName(u"halCaption")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.halCaption)

        self.halEdit = QLineEdit(self.scrollContents)
        self.halEdit.setObjectName(u"halEdit")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.halEdit)

        self.recipientsCaption = QLabel(self.scrollContents)
        self.recipientsCaption.setObjectName(u"recipientsCaption")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.recipientsCaption)

        self.recipientList = QListWidget(self.scrollContents)
        self.recipientList.setObjectName(u"recipientList")
        self.recipientList.setMaximumSize(QSize(16777215, 96))

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.recipientList)

        self.statusCaption = QLabel(self.scrollContents)
        self.statusCaption.setObjectName(u"statusCaption")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.statusCaption)

        self.statusTable = QTableWidget(self.scrollContents)
        if (self.statusTable.columnCount() < 3):
            self.statusTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.statusTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.statusTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.statusTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.statusTable.setObjectName(u"statusTable")
        self.statusTable.setMaximumSize(QSize(16777215, 110))
        self.statusTable.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.statusTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.statusTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.statusTable.setColumnCount(3)
        self.statusTable.horizontalHeader().setStretchLastSection(True)
        self.statusTable.verticalHeader().setVisible(False)

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.statusTable)

        self.instructionsCaption = QLabel(self.scrollContents)
        self.instructionsCaption.setObjectName(u"instructionsCaption")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.instructionsCaption)

        self.instructionsBox = QWidget(self.scrollContents)
        self.instructionsBox.setObjectName(u"instructionsBox")
        self.instructionsLayout = QGridLayout(self.instructionsBox)
        self.instructionsLayout.setObjectName(u"instructionsLayout")
        self.instructionsLayout.setVerticalSpacing(2)
        self.instructionsLayout.setContentsMargins(0, 0, 0, 0)

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.instructionsBox)

        self.freeTextCaption = QLabel(self.scrollContents)
        self.freeTextCaption.setObjectName(u"freeTextCaption")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.freeTextCaption)

        self.freeTextEdit = QPlainTextEdit(self.scrollContents)
        self.freeTextEdit.setObjectName(u"freeTextEdit")
        self.freeTextEdit.setMaximumSize(QSize(16777215, 56))
        self.freeTextEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.freeTextEdit)

        self.catatanCaption = QLabel(self.scrollContents)
        self.catatanCaption.setObjectName(u"catatanCaption")

        self.formLayout.setWidget(13, QFormLayout.ItemRole.LabelRole, self.catatanCaption)

        self.catatanEdit = QPlainTextEdit(self.scrollContents)
        self.catatanEdit.setObjectName(u"catatanEdit")
        self.catatanEdit.setMaximumSize(QSize(16777215, 56))
        self.catatanEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(13, QFormLayout.ItemRole.FieldRole, self.catatanEdit)

        self.signerCaption = QLabel(self.scrollContents)
        self.signerCaption.setObjectName(u"signerCaption")

        self.formLayout.setWidget(14, QFormLayout.ItemRole.LabelRole, self.signerCaption)

        self.signerCombo = QComboBox(self.scrollContents)
        self.signerCombo.setObjectName(u"signerCombo")

        self.formLayout.setWidget(14, QFormLayout.ItemRole.FieldRole, self.signerCombo)


        self.contentsLayout.addLayout(self.formLayout)

        self.savedLabel = QLabel(self.scrollContents)
        self.savedLabel.setObjectName(u"savedLabel")
        self.savedLabel.setStyleSheet(u"color: #5f6368;")
        self.savedLabel.setWordWrap(True)

        self.contentsLayout.addWidget(self.savedLabel)

        self.contentsSpacer = QSpacerItem(10, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentsLayout.addItem(self.contentsSpacer)

        self.scrollArea.setWidget(self.scrollContents)

        self.panelLayout.addWidget(self.scrollArea)

        self.errorLabel = MessageLabel(DispositionPanel)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.panelLayout.addWidget(self.errorLabel)

#if QT_CONFIG(shortcut)
        self.dateCaption.setBuddy(self.dateEdit)
        self.dueCaption.setBuddy(self.dueEdit)
        self.suratDariCaption.setBuddy(self.suratDariEdit)
        self.nomorSuratCaption.setBuddy(self.nomorSuratEdit)
        self.tanggalSuratCaption.setBuddy(self.tanggalSuratEdit)
        self.diterimaCaption.setBuddy(self.diterimaEdit)
        self.sifatCaption.setBuddy(self.sifatCombo)
        self.halCaption.setBuddy(self.halEdit)
        self.recipientsCaption.setBuddy(self.recipientList)
        self.freeTextCaption.setBuddy(self.freeTextEdit)
        self.catatanCaption.setBuddy(self.catatanEdit)
        self.signerCaption.setBuddy(self.signerCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.followUpButton, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.dueEdit)
        QWidget.setTabOrder(self.dueEdit, self.suratDariEdit)
        QWidget.setTabOrder(self.suratDariEdit, self.nomorSuratEdit)
        QWidget.setTabOrder(self.nomorSuratEdit, self.tanggalSuratEdit)
        QWidget.setTabOrder(self.tanggalSuratEdit, self.diterimaEdit)
        QWidget.setTabOrder(self.diterimaEdit, self.sifatCombo)
        QWidget.setTabOrder(self.sifatCombo, self.halEdit)
        QWidget.setTabOrder(self.halEdit, self.recipientList)
        QWidget.setTabOrder(self.recipientList, self.freeTextEdit)
        QWidget.setTabOrder(self.freeTextEdit, self.catatanEdit)
        QWidget.setTabOrder(self.catatanEdit, self.signerCombo)
        QWidget.setTabOrder(self.signerCombo, self.patternButton)

        self.retranslateUi(DispositionPanel)

        QMetaObject.connectSlotsByName(DispositionPanel)
    # setupUi

    def retranslateUi(self, DispositionPanel):
        self.patternHelp.setText(QCoreApplication.translate("DispositionPanel", u"Kolom: {seq} nomor urut (mis. {seq:03d} \u2192 001), {year} tahun, {month_roman} bulan Romawi. Nomor yang sudah diberikan tidak berubah.", None))
        self.patternEdit.setPlaceholderText(QCoreApplication.translate("DispositionPanel", u"{seq:03d}/DIKP/{year}", None))
        self.patternSaveButton.setText(QCoreApplication.translate("DispositionPanel", u"Simpan pola", None))
        self.patternCancelButton.setText(QCoreApplication.translate("DispositionPanel", u"Batal", None))
        self.followUpButton.setText(QCoreApplication.translate("DispositionPanel", u"Catat Tindak Lanjut\u2026", None))
#if QT_CONFIG(tooltip)
        self.followUpButton.setToolTip(QCoreApplication.translate("DispositionPanel", u"Catat apa yang sudah Anda lakukan atas disposisi ini", None))
#endif // QT_CONFIG(tooltip)
        self.agendaCaption.setText(QCoreApplication.translate("DispositionPanel", u"Nomor agenda:", None))
#if QT_CONFIG(tooltip)
        self.agendaLabel.setToolTip(QCoreApplication.translate("DispositionPanel", u"Diberikan otomatis saat disposisi pertama kali disimpan, berurutan per tahun; tidak berubah lagi.", None))
#endif // QT_CONFIG(tooltip)
        self.patternButton.setText(QCoreApplication.translate("DispositionPanel", u"Pola\u2026", None))
#if QT_CONFIG(tooltip)
        self.patternButton.setToolTip(QCoreApplication.translate("DispositionPanel", u"Pola nomor agenda: ubah pola nomor agenda kantor (berlaku untuk nomor baru)", None))
#endif // QT_CONFIG(tooltip)
        self.dateCaption.setText(QCoreApplication.translate("DispositionPanel", u"Tanggal disp&osisi:", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("DispositionPanel", u"dddd, d MMMM yyyy", None))
        self.dueCaption.setText(QCoreApplication.translate("DispositionPanel", u"Tgl. pen&yelesaian:", None))
        self.dueEdit.setDisplayFormat(QCoreApplication.translate("DispositionPanel", u"dd/MM/yyyy", None))
        self.dueEdit.setSpecialValueText(QCoreApplication.translate("DispositionPanel", u"\u2014", None))
#if QT_CONFIG(tooltip)
        self.dueEdit.setToolTip(QCoreApplication.translate("DispositionPanel", u"Batas waktu penerima menyelesaikan disposisi (Tgl. Penyelesaian di lembar disposisi); ketik hh/bb/tttt atau pilih di kalender; boleh kosong (Delete mengosongkan), tidak boleh sebelum tanggal disposisi", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.dueEdit.setAccessibleName(QCoreApplication.translate("DispositionPanel", u"Tanggal penyelesaian", None))
#endif // QT_CONFIG(accessibility)
        self.suratDariCaption.setText(QCoreApplication.translate("DispositionPanel", u"Su&rat dari:", None))
        self.suratDariEdit.setPlaceholderText(QCoreApplication.translate("DispositionPanel", u"mis. Bagian Prokomp Setda (kosongkan bila tanpa surat masuk)", None))
        self.nomorSuratCaption.setText(QCoreApplication.translate("DispositionPanel", u"Nomor surat:", None))
        self.tanggalSuratCaption.setText(QCoreApplication.translate("DispositionPanel", u"Tanggal s&urat:", None))
        self.tanggalSuratEdit.setDisplayFormat(QCoreApplication.translate("DispositionPanel", u"dd/MM/yyyy", None))
        self.tanggalSuratEdit.setSpecialValueText(QCoreApplication.translate("DispositionPanel", u"\u2014", None))
#if QT_CONFIG(tooltip)
        self.tanggalSuratEdit.setToolTip(QCoreApplication.translate("DispositionPanel", u"Tanggal surat yang didisposisikan; ketik hh/bb/tttt atau pilih di kalender; boleh kosong (Delete mengosongkan)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.tanggalSuratEdit.setAccessibleName(QCoreApplication.translate("DispositionPanel", u"Tanggal surat", None))
#endif // QT_CONFIG(accessibility)
        self.diterimaCaption.setText(QCoreApplication.translate("DispositionPanel", u"Diterima tanggal:", None))
        self.diterimaEdit.setDisplayFormat(QCoreApplication.translate("DispositionPanel", u"dd/MM/yyyy", None))
        self.diterimaEdit.setSpecialValueText(QCoreApplication.translate("DispositionPanel", u"\u2014", None))
#if QT_CONFIG(tooltip)
        self.diterimaEdit.setToolTip(QCoreApplication.translate("DispositionPanel", u"Tanggal surat diterima; ketik hh/bb/tttt atau pilih di kalender; boleh kosong (Delete mengosongkan)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.diterimaEdit.setAccessibleName(QCoreApplication.translate("DispositionPanel", u"Tanggal diterima", None))
#endif // QT_CONFIG(accessibility)
        self.sifatCaption.setText(QCoreApplication.translate("DispositionPanel", u"Si&fat:", None))
        self.halCaption.setText(QCoreApplication.translate("DispositionPanel", u"&Hal:", None))
#if QT_CONFIG(tooltip)
        self.halEdit.setToolTip(QCoreApplication.translate("DispositionPanel", u"Kosongkan untuk memakai tema kampanye", None))
#endif // QT_CONFIG(tooltip)
        self.recipientsCaption.setText(QCoreApplication.translate("DispositionPanel", u"Diteruska&n kepada:", None))
#if QT_CONFIG(tooltip)
        self.recipientList.setToolTip(QCoreApplication.translate("DispositionPanel", u"Centang anggota tim yang menerima disposisi", None))
#endif // QT_CONFIG(tooltip)
        self.statusCaption.setText(QCoreApplication.translate("DispositionPanel", u"Status penerima:", None))
#if QT_CONFIG(tooltip)
        self.statusCaption.setToolTip(QCoreApplication.translate("DispositionPanel", u"Status SRIKANDI tiap penerima: Belum dibaca, Dibaca, Ditindaklanjuti", None))
#endif // QT_CONFIG(tooltip)
        ___qtablewidgetitem = self.statusTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("DispositionPanel", u"Nama", None))
        ___qtablewidgetitem1 = self.statusTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("DispositionPanel", u"Status", None))
        ___qtablewidgetitem2 = self.statusTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("DispositionPanel", u"Waktu", None))
#if QT_CONFIG(accessibility)
        self.statusTable.setAccessibleName(QCoreApplication.translate("DispositionPanel", u"Status penerima disposisi", None))
#endif // QT_CONFIG(accessibility)
        self.instructionsCaption.setText(QCoreApplication.translate("DispositionPanel", u"Instruksi:", None))
        self.freeTextCaption.setText(QCoreApplication.translate("DispositionPanel", u"&Instruksi lain:", None))
        self.freeTextEdit.setPlaceholderText(QCoreApplication.translate("DispositionPanel", u"Instruksi tambahan (teks bebas, maksimal 1.000 karakter)", None))
        self.catatanCaption.setText(QCoreApplication.translate("DispositionPanel", u"&Catatan:", None))
        self.catatanEdit.setPlaceholderText(QCoreApplication.translate("DispositionPanel", u"Maksimal 2.000 karakter", None))
        self.signerCaption.setText(QCoreApplication.translate("DispositionPanel", u"P&enanda tangan:", None))
        pass
    # retranslateUi

