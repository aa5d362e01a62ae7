# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_start_admin.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QComboBox, QFormLayout, QFrame, QGridLayout, QLabel, QLineEdit, QRadioButton, QScrollArea, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_FirstStartAdminPage(object):
    def setupUi(self, FirstStartAdminPage):
        if not FirstStartAdminPage.objectName():
            FirstStartAdminPage.setObjectName(u"FirstStartAdminPage")
        self.mainLayout = QVBoxLayout(FirstStartAdminPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.pageScroll = QScrollArea(FirstStartAdminPage)
        self.pageScroll.setObjectName(u"pageScroll")
        self.pageScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.pageScroll.setWidgetResizable(True)
        self.pageContents = QWidget()
        self.pageContents.setObjectName(u"pageContents")
        self.pageContentsLayout = QVBoxLayout(self.pageContents)
        self.pageContentsLayout.setObjectName(u"pageContentsLayout")
        self.pageContentsLayout.setContentsMargins(0, 0, 0, 0)
        self.choiceBox = QWidget(self.pageContents)
        self.choiceBox.setObjectName(u"choiceBox")
        self.choiceLayout = QGridLayout(self.choiceBox)
        self.choiceLayout.setObjectName(u"choiceLayout")
        self.choiceLayout.setContentsMargins(0, 0, 0, 0)
        self.existingRadio = QRadioButton(self.choiceBox)
        self.existingRadio.setObjectName(u"existingRadio")
        self.existingRadio.setChecked(True)

        self.choiceLayout.addWidget(self.existingRadio, 0, 0, 1, 1)

        self.existingCombo = QComboBox(self.choiceBox)
        self.existingCombo.setObjectName(u"existingCombo")

        self.choiceLayout.addWidget(self.existingCombo, 0, 1, 1, 1)

        self.newRadio = QRadioButton(self.choiceBox)
        self.newRadio.setObjectName(u"newRadio")

        self.choiceLayout.addWidget(self.newRadio, 1, 0, 1, 2)


        self.pageContentsLayout.addWidget(self.choiceBox)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.nameCaption = QLabel(self.pageContents)
        self.nameCaption.setObjectName(u"nameCaption")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameCaption)

        self.nameEdit = QLineEdit(self.pageContents)
        self.nameEdit.setObjectName(u"nameEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.nipCaption = QLabel(self.pageContents)
        self.nipCaption.setObjectName(u"nipCaption")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nipCaption)

        self.nipEdit = QLineEdit(self.pageContents)
        self.nipEdit.setObjectName(u"nipEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nipEdit)

        self.positionCaption = QLabel(self.pageContents)
        self.positionCaption.setObjectName(u"positionCaption")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.positionCaption)

        self.positionEdit = QLineEdit(self.pageContents)
        self.positionEdit.setObjectName(u"positionEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.positionEdit)

        self.rankCaption = QLabel(self.pageContents)
        self.rankCaption.setObjectName(u"rankCaption")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.rankCaption)

        self.rankEdit = QLineEdit(self.pageContents)
        self.rankEdit.setObjectName(u"rankEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.rankEdit)

        self.laneCaption = QLabel(self.pageContents)
        self.laneCaption.setObjectName(u"laneCaption")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.laneCaption)

        self.laneCombo = QComboBox(self.pageContents)
        self.laneCombo.setObjectName(u"laneCombo")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.laneCombo)

        self.usernameCaption = QLabel(self.pageContents)
        self.usernameCaption.setObjectName(u"usernameCaption")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.usernameCaption)

        self.usernameEdit = QLineEdit(self.pageContents)
        self.usernameEdit.setObjectName(u"usernameEdit")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.usernameEdit)

        self.passwordCaption = QLabel(self.pageContents)
        self.passwordCaption.setObjectName(u"passwordCaption")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.passwordCaption)

        self.passwordEdit = QLineEdit(self.pageContents)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.repeatCaption = QLabel(self.pageContents)
        self.repeatCaption.setObjectName(u"repeatCaption")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.repeatCaption)

        self.repeatEdit = QLineEdit(self.pageContents)
        self.repeatEdit.setObjectName(u"repeatEdit")
        self.repeatEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.repeatEdit)

        self.passwordHint = QLabel(self.pageContents)
        self.passwordHint.setObjectName(u"passwordHint")
        self.passwordHint.setWordWrap(True)
        self.passwordHint.setStyleSheet(u"color: #555555;")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.passwordHint)


        self.pageContentsLayout.addLayout(self.form)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pageContentsLayout.addItem(self.bottomSpacer)

        self.pageScroll.setWidget(self.pageContents)

        self.mainLayout.addWidget(self.pageScroll)

        self.errorLabel = QLabel(FirstStartAdminPage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

#if QT_CONFIG(shortcut)
        self.nameCaption.setBuddy(self.nameEdit)
        self.nipCaption.setBuddy(self.nipEdit)
        self.positionCaption.setBuddy(self.positionEdit)
        self.rankCaption.setBuddy(self.rankEdit)
        self.laneCaption.setBuddy(self.laneCombo)
        self.usernameCaption.setBuddy(self.usernameEdit)
        self.passwordCaption.setBuddy(self.passwordEdit)
        self.repeatCaption.setBuddy(self.repeatEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.existingRadio, self.existingCombo)
        QWidget.setTabOrder(self.existingCombo, self.newRadio)
        QWidget.setTabOrder(self.newRadio, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.nipEdit)
        QWidget.setTabOrder(self.nipEdit, self.positionEdit)
        QWidget.setTabOrder(self.positionEdit, self.rankEdit)
        QWidget.setTabOrder(self.rankEdit, self.laneCombo)
        QWidget.setTabOrder(self.laneCombo, self.usernameEdit)
        QWidget.setTabOrder(self.usernameEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.repeatEdit)

        self.retranslateUi(FirstStartAdminPage)

        QMetaObject.connectSlotsByName(FirstStartAdminPage)
    # setupUi

    def retranslateUi(self, FirstStartAdminPage):
        FirstStartAdminPage.setTitle(QCoreApplication.translate("FirstStartAdminPage", u"Administrator pertama", None))
        FirstStartAdminPage.setSubTitle(QCoreApplication.translate("FirstStartAdminPage", u"Administrator membuat akun petugas lain dan memberi kata sandi sekali pakai. Biasanya Sub Koordinator atau petugas yang ditunjuk.", None))
        self.existingRadio.setText(QCoreApplication.translate("FirstStartAdminPage", u"&Pilih dari daftar petugas:", None))
        self.newRadio.setText(QCoreApplication.translate("FirstStartAdminPage", u"Orang ba&ru (belum ada di daftar petugas)", None))
        self.nameCaption.setText(QCoreApplication.translate("FirstStartAdminPage", u"&Nama lengkap:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("FirstStartAdminPage", u"mis. Siti Rahmawati, S.Kom", None))
        self.nipCaption.setText(QCoreApplication.translate("FirstStartAdminPage", u"N&IP (boleh kosong):", None))
        self.nipEdit.setPlaceholderText(QCoreApplication.translate("FirstStartAdminPage", u"18 digit, mis. 19850312 201001 2 004", None))
        self.positionCaption.setText(QCoreApplication.translate("FirstStartAdminPage", u"&Jabatan:", None))
        self.rankCaption.setText(QCoreApplication.translate("FirstStartAdminPage", u"Pangkat/&gol. (boleh kosong):", None))
        self.laneCaption.setText(QCoreApplication.translate("FirstStartAdminPage", u"P&eran dalam SOP:", None))
        self.usernameCaption.setText(QCoreApplication.translate("FirstStartAdminPage", u"Nam&a pengguna:", None))
        self.usernameEdit.setPlaceholderText(QCoreApplication.translate("FirstStartAdminPage", u"huruf kecil, angka dan _ ; mis. siti_rahmawati", None))
        self.passwordCaption.setText(QCoreApplication.translate("FirstStartAdminPage", u"Kata san&di:", None))
        self.repeatCaption.setText(QCoreApplication.translate("FirstStartAdminPage", u"&Ulangi kata sandi:", None))
        self.passwordHint.setText(QCoreApplication.translate("FirstStartAdminPage", u"Minimal 10 karakter dan tidak sama dengan nama pengguna. Kalimat pendek yang mudah Anda ingat lebih kuat daripada kata yang rumit.", None))
    # retranslateUi

