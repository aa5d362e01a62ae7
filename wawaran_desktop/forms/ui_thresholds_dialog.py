# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'thresholds_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout)

class Ui_ThresholdsDialog(object):
    def setupUi(self, ThresholdsDialog):
        if not ThresholdsDialog.objectName():
            ThresholdsDialog.setObjectName(u"ThresholdsDialog")
        ThresholdsDialog.resize(460, 220)
        self.mainLayout = QVBoxLayout(ThresholdsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(ThresholdsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.atRiskCaption = QLabel(ThresholdsDialog)
        self.atRiskCaption.setObjectName(u"atRiskCaption")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.atRiskCaption)

        self.atRiskSpin = QSpinBox(ThresholdsDialog)
        self.atRiskSpin.setObjectName(u"atRiskSpin")
        self.atRiskSpin.setMinimum(50)
        self.atRiskSpin.setMaximum(100)
        self.atRiskSpin.setValue(80)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.atRiskSpin)

        self.lateCaption = QLabel(ThresholdsDialog)
        self.lateCaption.setObjectName(u"lateCaption")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lateCaption)

        self.lateSpin = QSpinBox(ThresholdsDialog)
        self.lateSpin.setObjectName(u"lateSpin")
        self.lateSpin.setMinimum(100)
        self.lateSpin.setMaximum(200)
        self.lateSpin.setValue(100)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lateSpin)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ThresholdsDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b71c1c;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.defaultsButton = QPushButton(ThresholdsDialog)
        self.defaultsButton.setObjectName(u"defaultsButton")

        self.buttonsLayout.addWidget(self.defaultsButton)

        self.buttonBox = QDialogButtonBox(ThresholdsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.buttonsLayout.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.atRiskCaption.setBuddy(self.atRiskSpin)
        self.lateCaption.setBuddy(self.lateSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ThresholdsDialog)

        QMetaObject.connectSlotsByName(ThresholdsDialog)
    # setupUi

    def retranslateUi(self, ThresholdsDialog):
        ThresholdsDialog.setWindowTitle(QCoreApplication.translate("ThresholdsDialog", u"Batas Waktu", None))
        self.introLabel.setText(QCoreApplication.translate("ThresholdsDialog", u"Warna status setiap tahap dibandingkan dengan waktu bakunya (waktu kerja, tanpa jeda). Batas ini berlaku untuk semua kampanye dan semua pengguna basis data ini.", None))
        self.atRiskCaption.setText(QCoreApplication.translate("ThresholdsDialog", u"&Berisiko terlambat mulai:", None))
        self.atRiskSpin.setSuffix(QCoreApplication.translate("ThresholdsDialog", u" % dari waktu baku", None))
        self.lateCaption.setText(QCoreApplication.translate("ThresholdsDialog", u"&Terlambat bila lebih dari:", None))
        self.lateSpin.setSuffix(QCoreApplication.translate("ThresholdsDialog", u" % dari waktu baku", None))
        self.defaultsButton.setText(QCoreApplication.translate("ThresholdsDialog", u"&Kembalikan Bawaan", None))
    # retranslateUi

