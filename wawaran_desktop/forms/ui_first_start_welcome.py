# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_start_welcome.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QLabel, QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_FirstStartWelcomePage(object):
    def setupUi(self, FirstStartWelcomePage):
        if not FirstStartWelcomePage.objectName():
            FirstStartWelcomePage.setObjectName(u"FirstStartWelcomePage")
        self.mainLayout = QVBoxLayout(FirstStartWelcomePage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.stepsLabel = QLabel(FirstStartWelcomePage)
        self.stepsLabel.setObjectName(u"stepsLabel")
        self.stepsLabel.setWordWrap(True)
        self.stepsLabel.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.stepsLabel)

        self.folderLabel = QLabel(FirstStartWelcomePage)
        self.folderLabel.setObjectName(u"folderLabel")
        self.folderLabel.setWordWrap(True)
        self.folderLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.folderLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)


        self.retranslateUi(FirstStartWelcomePage)

        QMetaObject.connectSlotsByName(FirstStartWelcomePage)
    # setupUi

    def retranslateUi(self, FirstStartWelcomePage):
        FirstStartWelcomePage.setTitle(QCoreApplication.translate("FirstStartWelcomePage", u"Selamat datang di Wawaran Desktop", None))
        FirstStartWelcomePage.setSubTitle(QCoreApplication.translate("FirstStartWelcomePage", u"Folder data ini masih baru. Asisten ini menyiapkannya dalam beberapa langkah.", None))
        self.stepsLabel.setText(QCoreApplication.translate("FirstStartWelcomePage", u"<p>Yang akan disiapkan:</p><ol><li><b>Profil kantor</b>: kop surat, penanda tangan dan kertas dokumen (boleh dilewati dan diatur nanti).</li><li><b>Administrator pertama</b>: Anda, dengan nama pengguna dan kata sandi untuk masuk.</li><li><b>Tim</b>: petugas yang menjalankan SOP, diketik atau diimpor dari daftar Excel/CSV; masing-masing mendapat akun.</li><li><b>Tempat data</b>: hanya di PC ini, atau di server kantor.</li></ol><p>Tidak ada yang disimpan sebelum Anda menekan <b>Simpan</b> di langkah terakhir.</p>", None))
    # retranslateUi

