# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'stage_theme.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QRect, QSize, Qt)
from PySide6.QtWidgets import (QComboBox, QFrame, QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QScrollArea, QSizePolicy, QVBoxLayout, QWidget)

from wawaran_desktop.views.inline_message import MessageLabel

class Ui_ThemePanel(object):
    def setupUi(self, ThemePanel):
        if not ThemePanel.objectName():
            ThemePanel.setObjectName(u"ThemePanel")
        ThemePanel.resize(560, 330)
        self.panelLayout = QVBoxLayout(ThemePanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(ThemePanel)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.scrollContents.setGeometry(QRect(0, 0, 540, 320))
        self.contentsLayout = QGridLayout(self.scrollContents)
        self.contentsLayout.setObjectName(u"contentsLayout")
        self.contentsLayout.setHorizontalSpacing(6)
        self.contentsLayout.setVerticalSpacing(4)
        self.contentsLayout.setContentsMargins(4, 4, 6, 4)
        self.notulenCaption = QLabel(self.scrollContents)
        self.notulenCaption.setObjectName(u"notulenCaption")

        self.contentsLayout.addWidget(self.notulenCaption, 0, 0, 1, 3)

        self.notulenEdit = QPlainTextEdit(self.scrollContents)
        self.notulenEdit.setObjectName(u"notulenEdit")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.notulenEdit.sizePolicy().hasHeightForWidth())
        self.notulenEdit.setSizePolicy(sizePolicy)
        self.notulenEdit.setMinimumSize(QSize(0, 110))
        self.notulenEdit.setTabChangesFocus(True)

        self.contentsLayout.addWidget(self.notulenEdit, 1, 0, 1, 3)

        self.themeCaption = QLabel(self.scrollContents)
        self.themeCaption.setObjectName(u"themeCaption")

        self.contentsLayout.addWidget(self.themeCaption, 2, 0, 1, 1)

        self.themeEdit = QLineEdit(self.scrollContents)
        self.themeEdit.setObjectName(u"themeEdit")

        self.contentsLayout.addWidget(self.themeEdit, 2, 1, 1, 1)

        self.themeCounter = QLabel(self.scrollContents)
        self.themeCounter.setObjectName(u"themeCounter")
        self.themeCounter.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.contentsLayout.addWidget(self.themeCounter, 2, 2, 1, 1)

        self.deciderCaption = QLabel(self.scrollContents)
        self.deciderCaption.setObjectName(u"deciderCaption")

        self.contentsLayout.addWidget(self.deciderCaption, 3, 0, 1, 1)

        self.deciderCombo = QComboBox(self.scrollContents)
        self.deciderCombo.setObjectName(u"deciderCombo")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.deciderCombo.sizePolicy().hasHeightForWidth())
        self.deciderCombo.setSizePolicy(sizePolicy1)

        self.contentsLayout.addWidget(self.deciderCombo, 3, 1, 1, 2)

        self.decidedAtCaption = QLabel(self.scrollContents)
        self.decidedAtCaption.setObjectName(u"decidedAtCaption")

        self.contentsLayout.addWidget(self.decidedAtCaption, 4, 0, 1, 1)

        self.decidedAtLabel = QLabel(self.scrollContents)
        self.decidedAtLabel.setObjectName(u"decidedAtLabel")
        self.decidedAtLabel.setWordWrap(True)

        self.contentsLayout.addWidget(self.decidedAtLabel, 4, 1, 1, 2)

        self.errorLabel = MessageLabel(self.scrollContents)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020;")
        self.errorLabel.setWordWrap(True)

        self.contentsLayout.addWidget(self.errorLabel, 5, 0, 1, 3)

        self.scrollArea.setWidget(self.scrollContents)

        self.panelLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.notulenCaption.setBuddy(self.notulenEdit)
        self.themeCaption.setBuddy(self.themeEdit)
        self.deciderCaption.setBuddy(self.deciderCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.notulenEdit, self.themeEdit)
        QWidget.setTabOrder(self.themeEdit, self.deciderCombo)

        self.retranslateUi(ThemePanel)

        QMetaObject.connectSlotsByName(ThemePanel)
    # setupUi

    def retranslateUi(self, ThemePanel):
        self.notulenCaption.setText(QCoreApplication.translate("ThemePanel", u"&Notulen briefing:", None))
        self.notulenEdit.setPlaceholderText(QCoreApplication.translate("ThemePanel", u"Hasil briefing: siapa memimpin, apa yang dibahas, keputusan tentang lokasi, topik dan tema (tersimpan otomatis)", None))
        self.themeCaption.setText(QCoreApplication.translate("ThemePanel", u"T&ema wawaran:", None))
#if QT_CONFIG(tooltip)
        self.themeEdit.setToolTip(QCoreApplication.translate("ThemePanel", u"Tema tampil pada judul kampanye dan menjadi \"Hal\" pada disposisi.", None))
#endif // QT_CONFIG(tooltip)
        self.themeEdit.setPlaceholderText(QCoreApplication.translate("ThemePanel", u"mis. Cegah DBD dengan Gerakan 3M Plus", None))
#if QT_CONFIG(tooltip)
        self.themeCounter.setToolTip(QCoreApplication.translate("ThemePanel", u"Panjang tema (karakter) dan batasnya", None))
#endif // QT_CONFIG(tooltip)
        self.deciderCaption.setText(QCoreApplication.translate("ThemePanel", u"Diputuskan &oleh:", None))
#if QT_CONFIG(tooltip)
        self.deciderCombo.setToolTip(QCoreApplication.translate("ThemePanel", u"Petugas yang memutuskan tema, biasanya Kepala Bidang DIKP", None))
#endif // QT_CONFIG(tooltip)
        self.decidedAtCaption.setText(QCoreApplication.translate("ThemePanel", u"Waktu keputusan:", None))
        pass
    # retranslateUi

