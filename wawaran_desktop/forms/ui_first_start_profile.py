# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_start_profile.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QVBoxLayout)

class Ui_FirstStartProfilePage(object):
    def setupUi(self, FirstStartProfilePage):
        if not FirstStartProfilePage.objectName():
            FirstStartProfilePage.setObjectName(u"FirstStartProfilePage")
        self.mainLayout = QVBoxLayout(FirstStartProfilePage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.skipCheck = QCheckBox(FirstStartProfilePage)
        self.skipCheck.setObjectName(u"skipCheck")

        self.mainLayout.addWidget(self.skipCheck)

        self.formLayout = QVBoxLayout()
        self.formLayout.setObjectName(u"formLayout")

        self.mainLayout.addLayout(self.formLayout)


        self.retranslateUi(FirstStartProfilePage)

        QMetaObject.connectSlotsByName(FirstStartProfilePage)
    # setupUi

    def retranslateUi(self, FirstStartProfilePage):
        FirstStartProfilePage.setTitle(QCoreApplication.translate("FirstStartProfilePage", u"Profil kantor", None))
        FirstStartProfilePage.setSubTitle(QCoreApplication.translate("FirstStartProfilePage", u"Kop surat, penanda tangan dan kertas yang dipakai setiap dokumen yang dicetak.", None))
        self.skipCheck.setText(QCoreApplication.translate("FirstStartProfilePage", u"Lewat&i dulu: pakai isian bawaan (dapat diubah nanti di Dokumen \u2192 Profil Kantor\u2026)", None))
    # retranslateUi

