# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sign_in_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QStackedWidget, QVBoxLayout, QWidget)

class Ui_SignInDialog(object):
    def setupUi(self, SignInDialog):
        if not SignInDialog.objectName():
            SignInDialog.setObjectName(u"SignInDialog")
        SignInDialog.resize(440, 300)
        self.mainLayout = QVBoxLayout(SignInDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(SignInDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setStyleSheet(u"font-size: 13pt; font-weight: bold;")

        self.mainLayout.addWidget(self.headingLabel)

        self.officeLabel = QLabel(SignInDialog)
        self.officeLabel.setObjectName(u"officeLabel")
        self.officeLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.officeLabel)

        self.pages = QStackedWidget(SignInDialog)
        self.pages.setObjectName(u"pages")
        self.signInPage = QWidget()
        self.signInPage.setObjectName(u"signInPage")
        self.signInForm = QFormLayout(self.signInPage)
        self.signInForm.setObjectName(u"signInForm")
        self.usernameCaption = QLabel(self.signInPage)
        self.usernameCaption.setObjectName(u"usernameCaption")

        self.signInForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameCaption)

        self.usernameEdit = QLineEdit(self.signInPage)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(63)

        self.signInForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.passwordCaption = QLabel(self.signInPage)
        self.passwordCaption.setObjectName(u"passwordCaption")

        self.signInForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordCaption)

        self.passwordEdit = QLineEdit(self.signInPage)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setMaxLength(256)
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.signInForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.pages.addWidget(self.signInPage)
        self.changePage = QWidget()
        self.changePage.setObjectName(u"changePage")
        self.changeForm = QFormLayout(self.changePage)
        self.changeForm.setObjectName(u"changeForm")
        self.changeLabel = QLabel(self.changePage)
        self.changeLabel.setObjectName(u"changeLabel")
        self.changeLabel.setWordWrap(True)

        self.changeForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.changeLabel)

        self.newCaption = QLabel(self.changePage)
        self.newCaption.setObjectName(u"newCaption")

        self.changeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newCaption)

        self.newEdit = QLineEdit(self.changePage)
        self.newEdit.setObjectName(u"newEdit")
        self.newEdit.setMaxLength(256)
        self.newEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.changeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newEdit)

        self.repeatCaption = QLabel(self.changePage)
        self.repeatCaption.setObjectName(u"repeatCaption")

        self.changeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.repeatCaption)

        self.repeatEdit = QLineEdit(self.changePage)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setMaxLength(256)
        self.repeatEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.changeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.repeatEdit)

        self.pages.addWidget(self.changePage)

        self.mainLayout.addWidget(self.pages)

        self.messageLabel = QLabel(SignInDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setStyleSheet(u"color: #b00020;")

        self.mainLayout.addWidget(self.messageLabel)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.switchButton = QPushButton(SignInDialog)
        self.switchButton.setObjectName(u"switchButton")
        self.switchButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.switchButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.cancelButton = QPushButton(SignInDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.okButton = QPushButton(SignInDialog)
        self.okButton.setObjectName(u"okButton")

        self.buttonRow.addWidget(self.okButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.usernameCaption.setBuddy(self.usernameEdit)
        self.passwordCaption.setBuddy(self.passwordEdit)
        self.newCaption.setBuddy(self.newEdit)
        self.repeatCaption.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.usernameEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.newEdit)
        QWidget.setTabOrder(self.newEdit, self.repeatEdit)
        QWidget.setTabOrder(self.repeatEdit, self.okButton)
        QWidget.setTabOrder(self.okButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.switchButton)

        self.retranslateUi(SignInDialog)

        self.okButton.setDefault(True)


        QMetaObject.connectSlotsByName(SignInDialog)
    # setupUi

    def retranslateUi(self, SignInDialog):
        SignInDialog.setWindowTitle(QCoreApplication.translate("SignInDialog", u"Masuk \u2014 Wawaran Desktop", None))
        self.headingLabel.setText(QCoreApplication.translate("SignInDialog", u"Masuk", None))
        self.usernameCaption.setText(QCoreApplication.translate("SignInDialog", u"&Nama pengguna:", None))
        self.passwordCaption.setText(QCoreApplication.translate("SignInDialog", u"&Kata sandi:", None))
        self.changeLabel.setText(QCoreApplication.translate("SignInDialog", u"Kata sandi Anda sekali pakai. Buat kata sandi baru (minimal 10 karakter) sebelum melanjutkan.", None))
        self.newCaption.setText(QCoreApplication.translate("SignInDialog", u"Kata sandi &baru:", None))
        self.repeatCaption.setText(QCoreApplication.translate("SignInDialog", u"&Ulangi:", None))
        self.switchButton.setText(QCoreApplication.translate("SignInDialog", u"&Ganti Pengguna", None))
        self.cancelButton.setText(QCoreApplication.translate("SignInDialog", u"&Batal", None))
        self.okButton.setText(QCoreApplication.translate("SignInDialog", u"&Masuk", None))
    # retranslateUi

