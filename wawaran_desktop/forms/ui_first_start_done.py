# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_start_done.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QVBoxLayout, QWidget)

class Ui_FirstStartDonePage(object):
    def setupUi(self, FirstStartDonePage):
        if not FirstStartDonePage.objectName():
            FirstStartDonePage.setObjectName(u"FirstStartDonePage")
        self.mainLayout = QVBoxLayout(FirstStartDonePage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.summaryLabel = QLabel(FirstStartDonePage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextFormat(Qt.TextFormat.RichText)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.summaryLabel)

        self.passwordsBox = QWidget(FirstStartDonePage)
        self.passwordsBox.setObjectName(u"passwordsBox")
        self.passwordsLayout = QVBoxLayout(self.passwordsBox)
        self.passwordsLayout.setObjectName(u"passwordsLayout")
        self.passwordsLayout.setContentsMargins(0, 0, 0, 0)
        self.passwordsLabel = QLabel(self.passwordsBox)
        self.passwordsLabel.setObjectName(u"passwordsLabel")
        self.passwordsLabel.setWordWrap(True)
        self.passwordsLabel.setStyleSheet(u"color: #8a4b00;")

        self.passwordsLayout.addWidget(self.passwordsLabel)

        self.passwordTable = QTableWidget(self.passwordsBox)
        self.passwordTable.setObjectName(u"passwordTable")
        self.passwordTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.passwordTable.setAlternatingRowColors(True)

        self.passwordsLayout.addWidget(self.passwordTable)

        self.passwordButtons = QHBoxLayout()
        self.passwordButtons.setObjectName(u"passwordButtons")
        self.copyButton = QPushButton(self.passwordsBox)
        self.copyButton.setObjectName(u"copyButton")

        self.passwordButtons.addWidget(self.copyButton)

        self.printButton = QPushButton(self.passwordsBox)
        self.printButton.setObjectName(u"printButton")

        self.passwordButtons.addWidget(self.printButton)

        self.passwordSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.passwordButtons.addItem(self.passwordSpacer)


        self.passwordsLayout.addLayout(self.passwordButtons)


        self.mainLayout.addWidget(self.passwordsBox)

        self.serverLabel = QLabel(FirstStartDonePage)
        self.serverLabel.setObjectName(u"serverLabel")
        self.serverLabel.setWordWrap(True)
        self.serverLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.serverLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)


        self.retranslateUi(FirstStartDonePage)

        QMetaObject.connectSlotsByName(FirstStartDonePage)
    # setupUi

    def retranslateUi(self, FirstStartDonePage):
        FirstStartDonePage.setTitle(QCoreApplication.translate("FirstStartDonePage", u"Selesai", None))
        FirstStartDonePage.setSubTitle(QCoreApplication.translate("FirstStartDonePage", u"Semuanya tersimpan. Anda masuk sebagai administrator.", None))
        self.passwordsLabel.setText(QCoreApplication.translate("FirstStartDonePage", u"Kata sandi sekali pakai ini hanya ditampilkan sekarang. Salin atau cetak, lalu serahkan kepada masing-masing petugas; mereka menggantinya saat pertama kali masuk.", None))
        self.copyButton.setText(QCoreApplication.translate("FirstStartDonePage", u"&Salin semua", None))
        self.printButton.setText(QCoreApplication.translate("FirstStartDonePage", u"&Cetak\u2026", None))
    # retranslateUi

