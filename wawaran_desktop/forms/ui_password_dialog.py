# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'password_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout)

class Ui_PasswordDialog(object):
    def setupUi(self, PasswordDialog):
        if not PasswordDialog.objectName():
            PasswordDialog.setObjectName(u"PasswordDialog")
        PasswordDialog.resize(420, 200)
        self.mainLayout = QVBoxLayout(PasswordDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.messageLabel = QLabel(PasswordDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.userCaption = QLabel(PasswordDialog)
        self.userCaption.setObjectName(u"userCaption")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.userCaption)

        self.userLabel = QLabel(PasswordDialog)
        self.userLabel.setObjectName(u"userLabel")
        self.userLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.userLabel)

        self.passwordCaption = QLabel(PasswordDialog)
        self.passwordCaption.setObjectName(u"passwordCaption")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordCaption)

        self.passwordEdit = QLineEdit(PasswordDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passwordEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.saveCheck = QCheckBox(PasswordDialog)
        self.saveCheck.setObjectName(u"saveCheck")

        self.mainLayout.addWidget(self.saveCheck)

        self.noStoreLabel = QLabel(PasswordDialog)
        self.noStoreLabel.setObjectName(u"noStoreLabel")
        self.noStoreLabel.setWordWrap(True)
        self.noStoreLabel.setStyleSheet(u"color: #555555;")

        self.mainLayout.addWidget(self.noStoreLabel)

        self.buttonBox = QDialogButtonBox(PasswordDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.passwordCaption.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PasswordDialog)

        QMetaObject.connectSlotsByName(PasswordDialog)
    # setupUi

    def retranslateUi(self, PasswordDialog):
        PasswordDialog.setWindowTitle(QCoreApplication.translate("PasswordDialog", u"Kata Sandi Server Kantor", None))
        self.userCaption.setText(QCoreApplication.translate("PasswordDialog", u"Pengguna:", None))
        self.passwordCaption.setText(QCoreApplication.translate("PasswordDialog", u"&Kata sandi:", None))
        self.saveCheck.setText(QCoreApplication.translate("PasswordDialog", u"&Simpan di Pengelola Kredensial Windows", None))
        self.noStoreLabel.setText(QCoreApplication.translate("PasswordDialog", u"PC ini tidak memiliki penyimpan kredensial: kata sandi ditanyakan setiap kali basis data server dibuka.", None))
    # retranslateUi

