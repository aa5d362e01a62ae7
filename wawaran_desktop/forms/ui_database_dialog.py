# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'database_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QCheckBox, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QScrollArea, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_DatabaseDialog(object):
    def setupUi(self, DatabaseDialog):
        if not DatabaseDialog.objectName():
            DatabaseDialog.setObjectName(u"DatabaseDialog")
        DatabaseDialog.resize(560, 520)
        self.mainLayout = QVBoxLayout(DatabaseDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.contentScroll = QScrollArea(DatabaseDialog)
        self.contentScroll.setObjectName(u"contentScroll")
        self.contentScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.contentScroll.setWidgetResizable(True)
        self.contentContents = QWidget()
        self.contentContents.setObjectName(u"contentContents")
        self.contentContentsLayout = QVBoxLayout(self.contentContents)
        self.contentContentsLayout.setObjectName(u"contentContentsLayout")
        self.contentContentsLayout.setContentsMargins(0, 0, 0, 0)
        self.introLabel = QLabel(self.contentContents)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.contentContentsLayout.addWidget(self.introLabel)

        self.currentLabel = QLabel(self.contentContents)
        self.currentLabel.setObjectName(u"currentLabel")
        self.currentLabel.setWordWrap(True)

        self.contentContentsLayout.addWidget(self.currentLabel)

        self.localRadio = QRadioButton(self.contentContents)
        self.localRadio.setObjectName(u"localRadio")

        self.contentContentsLayout.addWidget(self.localRadio)

        self.localPathLabel = QLabel(self.contentContents)
        self.localPathLabel.setObjectName(u"localPathLabel")
        self.localPathLabel.setWordWrap(True)
        self.localPathLabel.setIndent(24)
        self.localPathLabel.setStyleSheet(u"color: #555555;")
        self.localPathLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.contentContentsLayout.addWidget(self.localPathLabel)

        self.serverRadio = QRadioButton(self.contentContents)
        self.serverRadio.setObjectName(u"serverRadio")

        self.contentContentsLayout.addWidget(self.serverRadio)

        self.serverBox = QWidget(self.contentContents)
        self.serverBox.setObjectName(u"serverBox")
        self.serverForm = QFormLayout(self.serverBox)
        self.serverForm.setObjectName(u"serverForm")
        self.serverForm.setContentsMargins(24, -1, -1, -1)
        self.hostCaption = QLabel(self.serverBox)
        self.hostCaption.setObjectName(u"hostCaption")

        self.serverForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.hostCaption)

        self.hostEdit = QLineEdit(self.serverBox)
        self.hostEdit.setObjectName(u"hostEdit")

        self.serverForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.hostEdit)

        self.portCaption = QLabel(self.serverBox)
        self.portCaption.setObjectName(u"portCaption")

        self.serverForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.portCaption)

        self.portSpin = QSpinBox(self.serverBox)
        self.portSpin.setObjectName(u"portSpin")
        self.portSpin.setMinimum(1)
        self.portSpin.setMaximum(65535)
        self.portSpin.setValue(5432)

        self.serverForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.portSpin)

        self.dbCaption = QLabel(self.serverBox)
        self.dbCaption.setObjectName(u"dbCaption")

        self.serverForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dbCaption)

        self.dbEdit = QLineEdit(self.serverBox)
        self.dbEdit.setObjectName(u"dbEdit")

        self.serverForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dbEdit)

        self.userCaption = QLabel(self.serverBox)
        self.userCaption.setObjectName(u"userCaption")

        self.serverForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.userCaption)

        self.userEdit = QLineEdit(self.serverBox)
        self.userEdit.setObjectName(u"userEdit")

        self.serverForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.userEdit)

        self.passwordCaption = QLabel(self.serverBox)
        self.passwordCaption.setObjectName(u"passwordCaption")

        self.serverForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordCaption)

        self.passwordEdit = QLineEdit(self.serverBox)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.serverForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.saveCheck = QCheckBox(self.serverBox)
        self.saveCheck.setObjectName(u"saveCheck")

        self.serverForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.saveCheck)

        self.storeNoteLabel = QLabel(self.serverBox)
        self.storeNoteLabel.setObjectName(u"storeNoteLabel")
        self.storeNoteLabel.setWordWrap(True)
        self.storeNoteLabel.setStyleSheet(u"color: #555555;")

        self.serverForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.storeNoteLabel)


        self.contentContentsLayout.addWidget(self.serverBox)

        self.testLayout = QHBoxLayout()
        self.testLayout.setObjectName(u"testLayout")
        self.testButton = QPushButton(self.contentContents)
        self.testButton.setObjectName(u"testButton")

        self.testLayout.addWidget(self.testButton)

        self.testSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.testLayout.addItem(self.testSpacer)


        self.contentContentsLayout.addLayout(self.testLayout)

        self.resultLabel = QLabel(self.contentContents)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.contentContentsLayout.addWidget(self.resultLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentContentsLayout.addItem(self.bottomSpacer)

        self.contentScroll.setWidget(self.contentContents)

        self.mainLayout.addWidget(self.contentScroll)

        self.buttonBox = QDialogButtonBox(DatabaseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.hostCaption.setBuddy(self.hostEdit)
        self.portCaption.setBuddy(self.portSpin)
        self.dbCaption.setBuddy(self.dbEdit)
        self.userCaption.setBuddy(self.userEdit)
        self.passwordCaption.setBuddy(self.passwordEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DatabaseDialog)

        QMetaObject.connectSlotsByName(DatabaseDialog)
    # setupUi

    def retranslateUi(self, DatabaseDialog):
        DatabaseDialog.setWindowTitle(QCoreApplication.translate("DatabaseDialog", u"Basis Data", None))
        self.introLabel.setText(QCoreApplication.translate("DatabaseDialog", u"Tempat data kampanye disimpan. Pilihan ini berlaku untuk PC ini saja; ukuran jendela dan pengaturan tampilan tetap di PC ini.", None))
        self.localRadio.setText(QCoreApplication.translate("DatabaseDialog", u"Berkas di PC &ini (SQLite, tanpa server)", None))
        self.serverRadio.setText(QCoreApplication.translate("DatabaseDialog", u"Server &kantor (PostgreSQL)", None))
        self.hostCaption.setText(QCoreApplication.translate("DatabaseDialog", u"&Server:", None))
        self.hostEdit.setPlaceholderText(QCoreApplication.translate("DatabaseDialog", u"nama atau alamat IP server, mis. 192.168.1.10", None))
        self.portCaption.setText(QCoreApplication.translate("DatabaseDialog", u"P&ort:", None))
        self.dbCaption.setText(QCoreApplication.translate("DatabaseDialog", u"&Nama basis data:", None))
        self.dbEdit.setPlaceholderText(QCoreApplication.translate("DatabaseDialog", u"mis. wawaran", None))
        self.userCaption.setText(QCoreApplication.translate("DatabaseDialog", u"Nama &pengguna:", None))
        self.passwordCaption.setText(QCoreApplication.translate("DatabaseDialog", u"Ka&ta sandi:", None))
        self.saveCheck.setText(QCoreApplication.translate("DatabaseDialog", u"Simpan di Pengelola Kredensial Windows", None))
        self.testButton.setText(QCoreApplication.translate("DatabaseDialog", u"&Uji koneksi", None))
    # retranslateUi

