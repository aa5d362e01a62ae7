# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'accounts_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QVBoxLayout, QWidget)

class Ui_AccountsDialog(object):
    def setupUi(self, AccountsDialog):
        if not AccountsDialog.objectName():
            AccountsDialog.setObjectName(u"AccountsDialog")
        AccountsDialog.resize(1080, 620)
        self.mainLayout = QVBoxLayout(AccountsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(AccountsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.accountsTable = QTableWidget(AccountsDialog)
        self.accountsTable.setObjectName(u"accountsTable")
        self.accountsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.accountsTable.setAlternatingRowColors(True)
        self.accountsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.accountsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.accountsTable.setWordWrap(False)
        self.accountsTable.horizontalHeader().setStretchLastSection(True)
        self.accountsTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.accountsTable)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.createButton = QPushButton(AccountsDialog)
        self.createButton.setObjectName(u"createButton")

        self.actionsLayout.addWidget(self.createButton)

        self.passwordButton = QPushButton(AccountsDialog)
        self.passwordButton.setObjectName(u"passwordButton")

        self.actionsLayout.addWidget(self.passwordButton)

        self.unlockButton = QPushButton(AccountsDialog)
        self.unlockButton.setObjectName(u"unlockButton")

        self.actionsLayout.addWidget(self.unlockButton)

        self.activeButton = QPushButton(AccountsDialog)
        self.activeButton.setObjectName(u"activeButton")

        self.actionsLayout.addWidget(self.activeButton)

        self.adminButton = QPushButton(AccountsDialog)
        self.adminButton.setObjectName(u"adminButton")

        self.actionsLayout.addWidget(self.adminButton)

        self.actionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)


        self.mainLayout.addLayout(self.actionsLayout)

        self.createBox = QGroupBox(AccountsDialog)
        self.createBox.setObjectName(u"createBox")
        self.createLayout = QFormLayout(self.createBox)
        self.createLayout.setObjectName(u"createLayout")
        self.createIntroLabel = QLabel(self.createBox)
        self.createIntroLabel.setObjectName(u"createIntroLabel")
        self.createIntroLabel.setWordWrap(True)

        self.createLayout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.createIntroLabel)

        self.usernameCaption = QLabel(self.createBox)
        self.usernameCaption.setObjectName(u"usernameCaption")

        self.createLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.usernameCaption)

        self.usernameEdit = QLineEdit(self.createBox)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(63)

        self.createLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.adminCheck = QCheckBox(self.createBox)
        self.adminCheck.setObjectName(u"adminCheck")

        self.createLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.adminCheck)

        self.createErrorLabel = QLabel(self.createBox)
        self.createErrorLabel.setObjectName(u"createErrorLabel")
        self.createErrorLabel.setWordWrap(True)
        self.createErrorLabel.setStyleSheet(u"color: #b71c1c;")

        self.createLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.createErrorLabel)

        self.createButtonsLayout = QHBoxLayout()
        self.createButtonsLayout.setObjectName(u"createButtonsLayout")
        self.createSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.createButtonsLayout.addItem(self.createSpacer)

        self.confirmCreateButton = QPushButton(self.createBox)
        self.confirmCreateButton.setObjectName(u"confirmCreateButton")

        self.createButtonsLayout.addWidget(self.confirmCreateButton)

        self.cancelCreateButton = QPushButton(self.createBox)
        self.cancelCreateButton.setObjectName(u"cancelCreateButton")

        self.createButtonsLayout.addWidget(self.cancelCreateButton)


        self.createLayout.setLayout(4, QFormLayout.ItemRole.SpanningRole, self.createButtonsLayout)


        self.mainLayout.addWidget(self.createBox)

        self.passwordBox = QGroupBox(AccountsDialog)
        self.passwordBox.setObjectName(u"passwordBox")
        self.passwordLayout = QVBoxLayout(self.passwordBox)
        self.passwordLayout.setObjectName(u"passwordLayout")
        self.passwordIntroLabel = QLabel(self.passwordBox)
        self.passwordIntroLabel.setObjectName(u"passwordIntroLabel")
        self.passwordIntroLabel.setWordWrap(True)

        self.passwordLayout.addWidget(self.passwordIntroLabel)

        self.passwordRowLayout = QHBoxLayout()
        self.passwordRowLayout.setObjectName(u"passwordRowLayout")
        self.passwordEdit = QLineEdit(self.passwordBox)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setReadOnly(True)
        self.passwordEdit.setStyleSheet(u"font-family: monospace; font-size: 14pt;")

        self.passwordRowLayout.addWidget(self.passwordEdit)

        self.copyButton = QPushButton(self.passwordBox)
        self.copyButton.setObjectName(u"copyButton")

        self.passwordRowLayout.addWidget(self.copyButton)

        self.doneButton = QPushButton(self.passwordBox)
        self.doneButton.setObjectName(u"doneButton")

        self.passwordRowLayout.addWidget(self.doneButton)


        self.passwordLayout.addLayout(self.passwordRowLayout)

        self.passwordNoteLabel = QLabel(self.passwordBox)
        self.passwordNoteLabel.setObjectName(u"passwordNoteLabel")
        self.passwordNoteLabel.setWordWrap(True)

        self.passwordLayout.addWidget(self.passwordNoteLabel)


        self.mainLayout.addWidget(self.passwordBox)

        self.messageLabel = QLabel(AccountsDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(AccountsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.usernameCaption.setBuddy(self.usernameEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.accountsTable, self.createButton)
        QWidget.setTabOrder(self.createButton, self.passwordButton)
        QWidget.setTabOrder(self.passwordButton, self.unlockButton)
        QWidget.setTabOrder(self.unlockButton, self.activeButton)
        QWidget.setTabOrder(self.activeButton, self.adminButton)
        QWidget.setTabOrder(self.adminButton, self.usernameEdit)
        QWidget.setTabOrder(self.usernameEdit, self.adminCheck)
        QWidget.setTabOrder(self.adminCheck, self.confirmCreateButton)
        QWidget.setTabOrder(self.confirmCreateButton, self.cancelCreateButton)
        QWidget.setTabOrder(self.cancelCreateButton, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.copyButton)
        QWidget.setTabOrder(self.copyButton, self.doneButton)

        self.retranslateUi(AccountsDialog)

        QMetaObject.connectSlotsByName(AccountsDialog)
    # setupUi

    def retranslateUi(self, AccountsDialog):
        AccountsDialog.setWindowTitle(QCoreApplication.translate("AccountsDialog", u"Akun Pengguna", None))
        self.introLabel.setText(QCoreApplication.translate("AccountsDialog", u"Setiap orang masuk dengan akunnya sendiri; lajurnya di SOP menentukan apa yang boleh ia kerjakan. Petugas yang belum punya akun tampil abu-abu: pilih lalu <b>Buat Akun\u2026</b>. Kata sandi sekali pakai hanya ditampilkan sekali dan wajib diganti saat orangnya masuk.", None))
        self.createButton.setText(QCoreApplication.translate("AccountsDialog", u"&Buat Akun\u2026", None))
        self.passwordButton.setText(QCoreApplication.translate("AccountsDialog", u"&Kata Sandi Sekali Pakai\u2026", None))
        self.unlockButton.setText(QCoreApplication.translate("AccountsDialog", u"Buka K&unci", None))
        self.activeButton.setText(QCoreApplication.translate("AccountsDialog", u"&Nonaktifkan", None))
        self.adminButton.setText(QCoreApplication.translate("AccountsDialog", u"Jadikan A&dministrator", None))
        self.createBox.setTitle(QCoreApplication.translate("AccountsDialog", u"Akun baru", None))
        self.usernameCaption.setText(QCoreApplication.translate("AccountsDialog", u"Nama &pengguna:", None))
#if QT_CONFIG(tooltip)
        self.usernameEdit.setToolTip(QCoreApplication.translate("AccountsDialog", u"Huruf kecil a\u2013z, angka dan garis bawah (_), diawali huruf", None))
#endif // QT_CONFIG(tooltip)
        self.adminCheck.setText(QCoreApplication.translate("AccountsDialog", u"Jadikan &administrator (boleh mengelola akun)", None))
        self.confirmCreateButton.setText(QCoreApplication.translate("AccountsDialog", u"Buat Akun &dan Kata Sandi", None))
        self.cancelCreateButton.setText(QCoreApplication.translate("AccountsDialog", u"Batal", None))
        self.passwordBox.setTitle(QCoreApplication.translate("AccountsDialog", u"Kata sandi sekali pakai", None))
        self.copyButton.setText(QCoreApplication.translate("AccountsDialog", u"&Salin", None))
        self.doneButton.setText(QCoreApplication.translate("AccountsDialog", u"S&elesai", None))
        self.passwordNoteLabel.setText(QCoreApplication.translate("AccountsDialog", u"Serahkan kata sandi ini kepada orangnya secara langsung. Kata sandi ini tidak disimpan dan tidak dapat ditampilkan lagi setelah kotak ini ditutup; bila hilang, buat yang baru.", None))
    # retranslateUi

