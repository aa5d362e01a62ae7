# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_start_team.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QTableWidget, QVBoxLayout, QWidget)

class Ui_FirstStartTeamPage(object):
    def setupUi(self, FirstStartTeamPage):
        if not FirstStartTeamPage.objectName():
            FirstStartTeamPage.setObjectName(u"FirstStartTeamPage")
        self.mainLayout = QVBoxLayout(FirstStartTeamPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.pageScroll = QScrollArea(FirstStartTeamPage)
        self.pageScroll.setObjectName(u"pageScroll")
        self.pageScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.pageScroll.setWidgetResizable(True)
        self.pageContents = QWidget()
        self.pageContents.setObjectName(u"pageContents")
        self.pageContentsLayout = QVBoxLayout(self.pageContents)
        self.pageContentsLayout.setObjectName(u"pageContentsLayout")
        self.pageContentsLayout.setContentsMargins(0, 0, 0, 0)
        self.entryBox = QWidget(self.pageContents)
        self.entryBox.setObjectName(u"entryBox")
        self.entryLayout = QGridLayout(self.entryBox)
        self.entryLayout.setObjectName(u"entryLayout")
        self.entryLayout.setContentsMargins(0, 0, 0, 0)
        self.nameCaption = QLabel(self.entryBox)
        self.nameCaption.setObjectName(u"nameCaption")

        self.entryLayout.addWidget(self.nameCaption, 0, 0, 1, 1)

        self.nipCaption = QLabel(self.entryBox)
        self.nipCaption.setObjectName(u"nipCaption")

        self.entryLayout.addWidget(self.nipCaption, 0, 1, 1, 1)

        self.positionCaption = QLabel(self.entryBox)
        self.positionCaption.setObjectName(u"positionCaption")

        self.entryLayout.addWidget(self.positionCaption, 0, 2, 1, 1)

        self.laneCaption = QLabel(self.entryBox)
        self.laneCaption.setObjectName(u"laneCaption")

        self.entryLayout.addWidget(self.laneCaption, 0, 3, 1, 1)

        self.nameEdit = QLineEdit(self.entryBox)
        self.nameEdit.setObjectName(u"nameEdit")

        self.entryLayout.addWidget(self.nameEdit, 1, 0, 1, 1)

        self.nipEdit = QLineEdit(self.entryBox)
        self.nipEdit.setObjectName(u"nipEdit")

        self.entryLayout.addWidget(self.nipEdit, 1, 1, 1, 1)

        self.positionEdit = QLineEdit(self.entryBox)
        self.positionEdit.setObjectName(u"positionEdit")

        self.entryLayout.addWidget(self.positionEdit, 1, 2, 1, 1)

        self.laneCombo = QComboBox(self.entryBox)
        self.laneCombo.setObjectName(u"laneCombo")

        self.entryLayout.addWidget(self.laneCombo, 1, 3, 1, 1)

        self.addButton = QPushButton(self.entryBox)
        self.addButton.setObjectName(u"addButton")

        self.entryLayout.addWidget(self.addButton, 1, 4, 1, 1)


        self.pageContentsLayout.addWidget(self.entryBox)

        self.teamTable = QTableWidget(self.pageContents)
        self.teamTable.setObjectName(u"teamTable")
        self.teamTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.teamTable.setAlternatingRowColors(True)

        self.pageContentsLayout.addWidget(self.teamTable)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.removeButton = QPushButton(self.pageContents)
        self.removeButton.setObjectName(u"removeButton")

        self.buttonsLayout.addWidget(self.removeButton)

        self.importButton = QPushButton(self.pageContents)
        self.importButton.setObjectName(u"importButton")

        self.buttonsLayout.addWidget(self.importButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.countLabel = QLabel(self.pageContents)
        self.countLabel.setObjectName(u"countLabel")

        self.buttonsLayout.addWidget(self.countLabel)


        self.pageContentsLayout.addLayout(self.buttonsLayout)

        self.otpCheck = QCheckBox(self.pageContents)
        self.otpCheck.setObjectName(u"otpCheck")

        self.pageContentsLayout.addWidget(self.otpCheck)

        self.noteLabel = QLabel(self.pageContents)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)
        self.noteLabel.setStyleSheet(u"color: #555555;")

        self.pageContentsLayout.addWidget(self.noteLabel)

        self.pageScroll.setWidget(self.pageContents)

        self.mainLayout.addWidget(self.pageScroll)

        self.errorLabel = QLabel(FirstStartTeamPage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

#if QT_CONFIG(shortcut)
        self.nameCaption.setBuddy(self.nameEdit)
        self.nipCaption.setBuddy(self.nipEdit)
        self.positionCaption.setBuddy(self.positionEdit)
        self.laneCaption.setBuddy(self.laneCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.nipEdit)
        QWidget.setTabOrder(self.nipEdit, self.positionEdit)
        QWidget.setTabOrder(self.positionEdit, self.laneCombo)
        QWidget.setTabOrder(self.laneCombo, self.addButton)
        QWidget.setTabOrder(self.addButton, self.teamTable)
        QWidget.setTabOrder(self.teamTable, self.removeButton)
        QWidget.setTabOrder(self.removeButton, self.importButton)
        QWidget.setTabOrder(self.importButton, self.otpCheck)

        self.retranslateUi(FirstStartTeamPage)

        QMetaObject.connectSlotsByName(FirstStartTeamPage)
    # setupUi

    def retranslateUi(self, FirstStartTeamPage):
        FirstStartTeamPage.setTitle(QCoreApplication.translate("FirstStartTeamPage", u"Tim", None))
        FirstStartTeamPage.setSubTitle(QCoreApplication.translate("FirstStartTeamPage", u"Petugas yang menjalankan SOP. Setiap orang mendapat akun; nama pengguna dapat diubah di tabel.", None))
        self.nameCaption.setText(QCoreApplication.translate("FirstStartTeamPage", u"&Nama:", None))
        self.nipCaption.setText(QCoreApplication.translate("FirstStartTeamPage", u"NI&P:", None))
        self.positionCaption.setText(QCoreApplication.translate("FirstStartTeamPage", u"&Jabatan:", None))
        self.laneCaption.setText(QCoreApplication.translate("FirstStartTeamPage", u"P&eran:", None))
        self.nipEdit.setPlaceholderText(QCoreApplication.translate("FirstStartTeamPage", u"boleh kosong", None))
        self.addButton.setText(QCoreApplication.translate("FirstStartTeamPage", u"&Tambah", None))
        self.removeButton.setText(QCoreApplication.translate("FirstStartTeamPage", u"&Hapus dari daftar", None))
        self.importButton.setText(QCoreApplication.translate("FirstStartTeamPage", u"&Impor dari Berkas\u2026", None))
        self.otpCheck.setText(QCoreApplication.translate("FirstStartTeamPage", u"Buat kata sandi sek&ali pakai untuk setiap petugas (ditampilkan sekali setelah disimpan)", None))
    # retranslateUi

